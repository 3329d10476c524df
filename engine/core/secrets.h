#pragma once

#include <QString>

namespace stevedore::secrets {

// The secrets this process knows (passwords, Basic credentials, identity and bearer tokens), so that they are
// redacted from everything that is printed, logged or shown, whatever the text came from (an error body that
// echoes a header, a reference typed with user:password@, a server message).
//
// Matching rules, so that redaction never mangles unrelated text:
//  - secrets of 8 characters or more are replaced wherever they occur;
//  - secrets of 4 to 7 characters only where they stand as a whole word (not inside a longer run of letters,
//    digits or '-', '_', '.');
//  - shorter secrets cannot be told apart from ordinary words and are not searched for in free text; the
//    structural rules of redact() (Authorization headers, user:password@ in URLs, JSON secret fields, secret
//    query parameters) still hide them where they appear in those forms.
// Thread-safe.
void add(const QString &secret);
// Registers user:password as it travels: the password and the base64 of "user:password" (a Basic header).
void addCredentials(const QString &username, const QString &password);

// Every structural redaction of logging.h's redact(), then every known secret.
QString scrub(const QString &text);

// Text that came from a server or a file, made safe for a terminal or a one-line message: control characters
// (C0, DEL, C1, escape sequences) and bidirectional overrides become spaces or are dropped, runs of white space
// collapse, and it is cut to `maxLength` characters (with "…").
QString sanitizeForDisplay(const QString &text, int maxLength = 600);

// Forgets every secret (tests).
void clearForTests();

} // namespace stevedore::secrets
