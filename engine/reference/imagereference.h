#pragma once

#include "digest.h"

#include <QString>

#include <optional>

namespace stevedore {

// A Docker image reference, parsed with the full grammar of distribution/reference and normalised:
//   busybox               -> docker.io/library/busybox:latest
//   quay.io/ns/app        -> quay.io/ns/app:latest
//   localhost:5000/app@sha256:...  (digest only: no tag is added)
// The first path component is a registry host when it holds a '.' or a ':', is "localhost", or has
// uppercase letters (then it cannot be a repository component). index.docker.io is spelled docker.io.
class ImageReference
{
public:
    ImageReference() = default;

    // Parses and normalises. With `defaultTag` a reference with neither tag nor digest gets ":latest".
    static Result<ImageReference> parse(const QString &text, bool defaultTag = true);

    bool isValid() const { return !m_path.isEmpty(); }
    const QString &domain() const { return m_domain; }      // "docker.io", "localhost:5000", "[::1]:5000"
    const QString &path() const { return m_path; }          // "library/busybox"
    QString repository() const { return m_domain + QLatin1Char('/') + m_path; }
    const QString &tag() const { return m_tag; }            // empty when none
    const std::optional<Digest> &digest() const { return m_digest; }
    bool hasTag() const { return !m_tag.isEmpty(); }
    bool hasDigest() const { return m_digest.has_value(); }

    // What a registry API call uses after /v2/<path>/manifests/: the digest when there is one, else the tag.
    QString manifestReference() const { return m_digest ? m_digest->toString() : m_tag; }

    // docker.io/library/busybox:latest[@sha256:...]
    QString toString() const;
    // busybox:latest, as docker prints it
    QString familiarString() const;

    ImageReference withTag(const QString &tag) const;   // tag validated by the caller (isValidTag)
    ImageReference withDigest(const Digest &digest) const;
    ImageReference withoutDigest() const;

    static bool isValidTag(const QString &tag);
    static bool isValidRepositoryPath(const QString &path);

    friend bool operator==(const ImageReference &, const ImageReference &) = default;

private:
    QString m_domain;
    QString m_path;
    QString m_tag;
    std::optional<Digest> m_digest;
};

} // namespace stevedore
