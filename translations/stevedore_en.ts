<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>stevedore::CopyJob</name>
        <message>
            <source>Copy %1 to %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::EngineText</name>
        <message>
            <source>the operation was cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot create a temporary file in %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot set the mode of %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write %1 to disk: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot move %1 into place as %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a folder, not a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a regular file (a pipe, socket or device); refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2 bytes, more than the limit of %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is larger than the limit of %2 bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot create %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>write after commit to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read back %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was committed twice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot create the folder of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid digest "%1": expected algorithm:hex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unsupported digest algorithm "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid digest "%1": %2 needs %3 hex characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid digest "%1": only lowercase hex is allowed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid reference "%1": %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the reference is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the reference is too long</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it contains whitespace or non-ASCII characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a reference cannot carry credentials (user:password@); use --creds or an auth file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a valid tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the repository name is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a valid registry host</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>port %1 is out of range (1-65535)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>repository name must be lowercase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a 64-character hexadecimal string is an image ID, not a repository name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a valid repository name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the repository name is longer than %1 characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid platform "%1": expected os/arch[/variant]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>descriptor without mediaType</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>descriptor with %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>descriptor %1 without a valid size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2 bytes, over the limit of %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not valid JSON: %2 at offset %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a JSON object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot tell what kind of manifest this is</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Docker schema 1 manifests are not supported yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an image manifest type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest schemaVersion is not 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest declares media type %1 but was served as %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest has no config descriptor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest config</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest has no layers array</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest layer %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an index type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>index schemaVersion is not 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>index has no manifests array</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>index entry %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>image config</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>image config diff_ids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a %1 layer cannot be described in a %2 manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>zstd-compressed layers cannot be written in a Docker v2s2 manifest; use --format oci</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the destination does not store %1 manifests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifests of type %1 cannot be copied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the destination stores no manifest type this image can be written in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>layer count changed while rewriting a manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an artifact manifest (with an artifactType or a subject) cannot be converted to Docker v2s2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a manifest whose config is a %1 cannot be converted to Docker v2s2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not an image manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not an index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no image for platform %2 (available: %3); %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown operating system "%1": valid values are %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown architecture "%1": valid values are %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>variant "%1" given for architecture "%2", which has no variants (variants exist for arm, arm64 and amd64)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown variant "%1" for architecture "%2": valid values are %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid os.features value "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>more than %1 bytes; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1: %2 bytes were written, expected %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1 does not match its digest: its content has digest %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2) is not a regular file; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2 bytes, expected %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid auth file %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the "auth" value of key %1 is not valid base64</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the "auth" value of key %1 does not decode to user:password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entry for key %1 is not an object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line %1, column %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not valid JSON at %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the top level is not a JSON object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"auths" is not an object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"credHelpers" is not an object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"credsStore" is not a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a legacy .dockercfg file: Stevedore reads it but never writes it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot create the folder %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot make the folder %1 private: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 was not found in PATH</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 could not be started: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 (%2) did not answer within %3 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 wrote more than %2 bytes; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 (%2) crashed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 failed to %2 the credentials for %3 (exit code %4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 returned something that is not a JSON object for %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 failed to list its credentials (exit code %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credential helper %1 listed something that is not a JSON object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>docker-credential-%1 (%2 in %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--creds: the credentials are empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--creds: the user name is empty (expected user[:password])</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 in %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>credHelpers in %1 (names a helper for %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its key does not cover %1 (it serves %2 and what is under it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the source gave no credentials for it when asked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 comes earlier in the search order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 names a credential helper for %2 (credHelpers), used instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>another spelling of the same key, %1, comes first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entries under "auths" are tried before the credsStore helper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>less specific than %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Image: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys tried, most specific first: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an identity token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>user %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uses: %1 (%2) from %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uses: no credentials (anonymous access): no entry matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not used:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2) from %3: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a registry key (REGISTRY[/NAMESPACE[/REPO]])</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is only in the legacy file %2, which Stevedore never writes: remove it there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not logged in to %1 (no entry in %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>document %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, item %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, Secret "%2"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, line %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2): %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: not valid YAML: nested more than %2 levels deep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: not valid JSON at %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: not valid YAML at line %2, column %3: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has a key that is not a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has the key "%2" twice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1.%2 is not a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a mapping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has an entry with an empty registry key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entry for %1 in %2 is not an object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the "%1" of %2 in %3 is not a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the "auth" of %1 in %2 is not valid base64</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the "auth" of %1 in %2 does not decode to user:password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entry for %1 in %2 holds no credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the Secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>apiVersion "%1" is not v1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a Secret without a type (Opaque), not %1 or %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a Secret of type %1, not %2 or %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not valid base64</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a %1 Secret without the key %2 in data or stringData</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not valid JSON (at %2 of the decoded value: %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no "auths" object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds no registry credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a Kubernetes object (a mapping with apiVersion and kind)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the items of the %1 are not a list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a Kubernetes object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a %1, not a Secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an object without a kind, not a Secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an object without a kind (expected Secret or List)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a valid Secret name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a valid namespace (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a pull secret needs at least one credential</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a credential has an empty registry key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entry for %1 holds no credentials (a credential helper's marker?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write the Secret as YAML: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write the Secret as YAML</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no Secret of type %2 or %3 in it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot read it as YAML (line %2, column %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot read it as YAML</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: a blocking network call on the GUI thread was refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 is not an http or https URL; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cancelled, the engine is shutting down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the answer is larger than %2 bytes; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the download broke off: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the answer broke off: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the TLS certificate of %2 is not trusted: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 does not speak TLS (%3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the TLS handshake with %2 failed: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot reach %2: connection refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot reach %2: host not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the connection to %2 failed: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no data moved to or from %2 for %3 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a redirect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an upload location</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a next-page link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a token realm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a layer URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 sent %2 that is not a valid URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 sent %2 to %3; only http and https URLs are followed, refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 sent %2 without a host (%3); refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 is reached over https but sent %2 to plain http (%3); refused, the request would travel unencrypted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>authentication required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>access denied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>too many requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unexpected answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 (HTTP %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>certificate directory %1 does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds no PEM certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>client certificate %1 has no readable key %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read the private key %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>key %1 has no matching client certificate %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> — check --creds or the auth file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2/%3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; a plain-http registry needs --tls-verify=false</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (give the registry's CA with --cert-dir, or use --tls-verify=false for a registry you trust)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (the registry may require a client certificate: put NAME.cert and NAME.key into --cert-dir)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>contacting registry %1 over %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 is reachable neither over https (%2) nor over http (%3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not answer like a container registry (HTTP %2 for /v2/)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no scheme to try</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 redirected without a Location</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: more than %2 redirects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 sent a Bearer challenge without a valid realm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>getting a token from %1 for %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the token realm %1 of registry %2 is not https; refusing to send the identity token there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the token realm %1 of registry %2 is not https; refusing to send credentials there (use --tls-verify=false only for a registry you trust)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>token server %1 refused %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>authentication to %1 failed at token server %2: check the user name and password (HTTP %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>token server %1 answered with something that is not a JSON object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>token server %1 answered without a token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the download ended after %2 of %3 bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the registry sent more than the %2 bytes it announced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>checking blob %1 in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1 of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>getting %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not exist (HTTP 404)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>getting a layer from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mounting blob %1 from %2 into</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 opened an upload without a Location</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1: %2 bytes were uploaded but %3 were expected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>completing the upload of %1 to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the registry stored the blob as %2 instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>uploading bytes %1-%2 to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; the upload session is lost, the blob has to be uploaded again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>starting an upload to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>asking how far an upload got at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the upload status has no usable Range (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelling an upload to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid tag %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest %1 of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the registry sent bytes with digest %2, expected %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the manifest is larger than 4 MiB; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>putting manifest %1 to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the registry says it stored %2, but the manifest sent has digest %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the answer is not a JSON object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: more than %2 pages; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: more than %2 bytes of answers; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>listing the tags of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>listing the repositories of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deleting the manifest %1 of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: this registry does not allow deleting images (deletes are not enabled on it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 asks for credentials and none were given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 uses Basic authentication: an identity token cannot be used there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 asks for "%2" authentication, which Stevedore does not support</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>checking the credentials at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry %1 rejected the credentials of %2 (HTTP %3): check the user name and password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the identity token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 answered HTTP %2 to a login check of /v2/</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the gzip stream is truncated (it ends inside a member)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot reset the gzip decoder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid gzip stream: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the zstd stream is truncated (it ends inside a frame)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid zstd stream: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot start the gzip decoder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot start the zstd decoder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 decompression is not supported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its %1 data expands more than %2 times (%3 bytes from %4 so far): a decompression bomb, refused (STEVEDORE_MAX_EXPANSION sets the limit, 0 lifts it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>zstd compression failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>gzip compression failed: out of memory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>zstd compression failed: out of memory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>compressing to %1 is not supported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid image location "%1": %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the location is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing follows "%1:"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no repository tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cannot store signatures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>transport %1 is not supported yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the path is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a valid image layout reference name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unterminated storage specifier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot lock %1: another process holds it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not an OCI image layout (no index.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not an OCI image layout: the oci-layout file is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not an OCI image layout: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not an OCI image layout: oci-layout is not {"imageLayoutVersion": ...}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a supported OCI image layout: its oci-layout file says imageLayoutVersion %2; only 1.x is supported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not empty and is not an OCI image layout; refusing to write into it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not have schemaVersion 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: "manifests" is not an array</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>entry %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the OCI image layout %1 holds no image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the OCI image layout %1 holds %2 images; name one as oci:%1:REF (references: %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the OCI image layout %1 has no entry @%2 (it has %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the OCI image layout %1 has more than one image named %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no image named %1 in the OCI image layout %2 (references: %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1 is missing from %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1 in %2 is %3 bytes, expected %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1 in %2 is corrupt: its content has digest %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot delete %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no image with digest %1 in %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has digest %2, not %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 exists and is not a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot create a temporary folder in %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the manifest is larger than %1 bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot move the new layout into place as %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot move blob %1 into %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing to commit to %1: no manifest was written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: an index (@N) cannot name a destination image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a folder that is not empty and not an OCI image layout; refusing to write into it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not empty and was not written by the dir transport (no version file saying "Directory Transport Version: 1.x"); refusing to replace it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest %1 is missing from %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest %1 in %2 is corrupt: its content has digest %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot replace %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot move %1 aside</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot move the new %1 into place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot move the new %1 into place: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds no image (no manifest.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown transport "%1"; known transports: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not in the local store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: a new name needs a tag and no digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the name was removed, but cleaning up failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an image name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not in the local store (%2 is empty)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: a name in the local store needs a tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: a name in the local store cannot carry a digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>docker references start with "docker://"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a docker:// image reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the manifest has digest %1, not the %2 named by the destination %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write the digest file %1: the folder %2 does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write the digest file %1: it is a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write the digest file %1: the folder %2 is not writable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>writing the digest file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved push: "%1" %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved push: "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>is "%1" (gzip, zstd or none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>is "%1" (oci or v2s2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the copy was cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pushing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pulling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>copying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>config</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is both the source and the destination; refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>committing %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the manifest of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the index of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the signatures of the index of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>use --all to copy every platform</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 in %2 is a %3, which cannot be copied yet (only image manifests under an index are)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>writing %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the config %1 is %2 bytes, more than the limit of %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the config of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the config does not match its digest %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 has the media type %3, which cannot be copied yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the signatures of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the config lists %2 diff_ids for %3 layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not match its descriptor: it is longer than the %2 bytes declared (expected digest %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not match its digest: read %2 bytes with digest %3, expected %4 (%5 bytes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>retry %1 of %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blob %1 from %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the uncompressed content of %1 (its diff_id)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the upload session holds %1 bytes, more than the blob has</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not copied: another blob failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is signed, and %2 cannot store signatures; use --remove-signatures to copy it without them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rewriting %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the index would be written before its manifests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rewriting the index of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 the index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot create the folder %1 for the blob-info cache</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: not a manifest list or image index (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no platform</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2 entries)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a platform needs both an operating system and an architecture, not %1 alone: set both, or clear both (--os "" --arch "") for an entry without a platform</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an annotation needs a key (KEY=VALUE)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no manifest list named %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the record of where its images come from is damaged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest list %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: a manifest list name cannot carry a digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: a manifest list name needs a tag and no digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manifest list %1 already exists (use --amend to add to it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the list was removed, but cleaning up failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a %2, not an image: a manifest list holds images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>use --all to add every image of the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds a nested list (%2): a manifest list entry must be an image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the manifest %1 is not a JSON object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 lists no image %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading %1 (%2) of %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the image there is now %2, not the one listed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: got %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no listed image has the blob %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 lists the same platform more than once: %2 (remove one, or use --allow-duplicates)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the image %2 has no recorded source to copy it from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the source of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the config %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the config %1 does not match its digest (got %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the config %1 is %2 bytes, expected %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the manifest of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>use --raw to see the index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the manifest %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a %2, which cannot be inspected yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a registry key (REGISTRY[/NAMESPACE[/REPO]]): %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a key has no digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a host name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a key has no tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a repository name component</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a user name and a password are needed to log in to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not list its repositories (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the manifest %1 of %2 is a %3, which cannot be imported yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the manifest list of %1 holds no image manifest to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>valid ImportMode values are Legacy or PreserveOriginal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the import source is empty (give --from=REF)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no image for platform %2 (available: %3); it is a single image, not a manifest list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the manifest list of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>choose one of them with --platform, or import them all with --import-mode=PreserveOriginal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the sub-manifest %1 of %2 cannot be imported alone: the list does not name its platform %3 unambiguously (import it from a registry, or use --import-mode=PreserveOriginal)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the local name of an import must be NAME[:TAG] (got %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>importing %1: the plan is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>importing %1: the local store got %2, not the planned %3 (the source changed meanwhile?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>importing %1 as %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid "name": %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"from" is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid "platform": %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid "lastSourceDigest": %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the scheduled imports %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the scheduled imports %1 are not a JSON object (%2 at offset %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, entry %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>writing the scheduled imports %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>preparing the local store %1 for its scheduled imports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot lock the scheduled imports %1 (another stevedore holds it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the scheduled imports were cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the sandbox needs Debian's docker-registry, which is not installed (apt-get install docker-registry)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot create the sandbox folder %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no free loopback port for the sandbox registry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot start %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the sandbox registry stopped at once (exit %1): %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the sandbox registry did not answer on 127.0.0.1:%1 within %2 s: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot make the sample layer: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot make the sample image: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot derive a local name from %1; give NAME</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>layer %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>writing the archive %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not hold an OCI image layout: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a folder, not an archive file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a tar archive (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a damaged tar archive (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entry %1 is outside the layout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entry %1 is not a file or a folder (a link or a device), which an OCI layout does not hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entry %1 is there twice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the entry %1 is damaged or cut short (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a docker save archive, not an OCI image layout: open it as docker-archive:%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the link %1 is part of a loop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the link %1 points to %2, which is no file of the archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the link %1 points outside the archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an empty tar archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: its manifest.json %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>is not JSON (%1 at byte %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>is not a list of images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>lists no image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>entry %1 has no valid Config file name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>entry %1 has no Layers list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>entry %1 names a layer that is no file of the archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>entry %1 has a RepoTags that is not a list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>entry %1 has a tag that is not a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds %2 images (%3); name one, as docker-archive:%1:NAME:TAG or docker-archive:%1:@N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an image number (@0, @1, …)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds %2 images; there is no @%3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds no image tagged %2 (it holds: %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds one image, not %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no blob %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the blob %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: its manifest.json names %2, which is no file of the archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is an OCI layout archive, not a docker save one: open it as oci-archive:%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a docker save archive: it has no manifest.json</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the config %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the image has %2 layers, and its config lists %3 diff_ids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the layer %2 is compressed with %3, which a docker save archive does not hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds one image with a Docker v2s2 manifest, not a %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no manifest was written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the blob %2 was not written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: an image number (@N) cannot name a destination image; give NAME:TAG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: a docker save archive tags its image; a digest cannot name it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is an index, and %2 holds one image, not an index: copy one platform (leave out --all; --platform chooses it, this machine's by default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the request ended before its body was sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>more bytes than the request body's length</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>more bytes to upload than the blob's %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ImportJob</name>
        <message>
            <source>Import %1 as %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::models::CredentialsModel</name>
        <message>
            <source>%1 holds no credentials for %2 any more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>just now</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n minute ago</numerusform>
                <numerusform>%n minutes ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>%n hour ago</numerusform>
                <numerusform>%n hours ago</numerusform>
            </translation>
        </message>
        <message>
            <source>(identity token)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (written as %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never used: %1 wins for every image this entry could serve.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not tested against the registry in this session.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shadowed By</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last Verified</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::models::LocalImagesModel</name>
        <message>
            <source>Cannot read the local store %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repository</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No image is selected.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n layer(s), %1 as stored (compressed), config included</source>
            <translation>
                <numerusform>%n layer, %1 as stored (compressed), config included</numerusform>
                <numerusform>%n layers, %1 as stored (compressed), config included</numerusform>
            </translation>
        </message>
        <message>
            <source>Platforms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the layers hold once decompressed: the size of the image's file systems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Being measured: every layer is decompressed once</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uncompressed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::models::ManifestListModel</name>
        <message>
            <source>annotation "%1" is not KEY=VALUE (separate annotations with ";")</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The list is empty: add images first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row %1: %2 is still being read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reading the image was cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no image for this list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>os is required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>architecture is required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>architecture %1 takes no variant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown variant "%1" for %2: valid values are %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>platform %1 is listed %2 times (rows %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the image %1 is listed %2 times (rows %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading %1 on the engine…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, added as %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where the image is read from when the list is pushed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comma-separated, e.g. win32k</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KEY=VALUE pairs separated by ";"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Media Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Architecture</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Variant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OS Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OS Features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OCI manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OCI index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Docker v2s2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Docker manifest list</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::models::RegistryTreeModel</name>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This registry does not list its repositories here: type a repository name to open it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no platform)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a tag or a platform image to delete.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 did not accept the login: log in again, or check the user and password in Credentials.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not allow this user to see this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 needs a login.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The credentials for %1 cannot be read: an auth file is damaged (see Credentials).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The certificate of %1 is not trusted: trust the folder holding its CA certificate, or add the registry again without certificate checks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot reach %1: check the address and that the registry is running.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not have this (it may have been deleted).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 asks to slow down: try again in a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 had an internal error: try again later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not allow this (deleting may not be enabled on it).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 answered something unexpected: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (no certificate checks)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Media type</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::models::TransferModel</name>
        <message>
            <source>%1 → %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transfer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Already there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mounted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retrying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not copied: the push stopped on an error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled after %1 of %2; the source is untouched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for a free slot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>config %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Elapsed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remaining</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not copied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the saved queue has version %1; this Stevedore reads version %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved job %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown state "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The user name and password typed for this push are not kept across restarts. Log in to the registry (Tools › Credentials…), then choose Retry.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a saved push queue (%2); it was kept as %1.bad</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a JSON object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot make the folder of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled before anything was sent; the source is untouched</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::AddRegistryDialog</name>
        <message>
            <source>Add Registry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry.example.com:5000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the registry's TLS certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the system's (certs.d)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Certificate Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registry &amp;URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Certificate folder:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::AddRowsCommand</name>
        <message>
            <source>Add %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Add %n image(s)</source>
            <translation>
                <numerusform>Add %n image</numerusform>
                <numerusform>Add %n images</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::CredentialDialog</name>
        <message>
            <source>Add Credential</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit Credential</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry.example:5000 or quay.io/team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>REGISTRY[/NAMESPACE[/REPO]]: the most specific key that matches an image wins.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The auth file to write to. When it names a credential helper for the registry, the helper keeps the password instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Log in to the registry first (store only if it accepts the password)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify TLS certificates (require https)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Key:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;User:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Store in:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter a user name and a password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Logging in to %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Storing the credential for %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not stored: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::CredentialManager</name>
        <message>
            <source>&amp;Add…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a credential to an auth file (or the helper it names)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the user and password of the selected credential</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the selected credential from its source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Test Login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log in to the registry with the selected credential (nothing is stored)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport as Pull Secret…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A Kubernetes Secret of type kubernetes.io/dockerconfigjson for the selected credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;load</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read the auth files and credential helpers again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify TLS certificates (require https)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ex&amp;plain image:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>quay.io/team/app:v1 — which credential would a push or pull use?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Explain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type an image reference and press Explain to see which credential it uses and why the others do not.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Searched, in order: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Some credentials could not be read; the others are listed:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Logged in and stored %1 in %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stored %1 in %2 (not verified).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove Credential</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the credential for %1 from %2?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed %1 from %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not remove %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removing %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Logging in to %1 with %2…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an identity token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Login failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type an image reference, e.g. quay.io/team/app:v1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not an image reference: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot tell: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Login succeeded: %1 accepted %2 (%3).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::EditFieldCommand</name>
        <message>
            <source>Set %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::EmptyStorePage</name>
        <message>
            <source>No images in the local store yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the sandbox registry: it puts a sample image here and gives you a registry on this computer to push it to — drag the image onto the push queue. Or push an OCI layout folder: drop it on the push queue, or choose File → Push Image…. Or pull an image of a registry with File → Pull Image…. Images imported with the stevedore command show here too.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::HelpDialogs</name>
        <message>
            <source>Main window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About Stevedore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;Push, copy and browse container images: between registries, OCI layouts, &lt;code&gt;dir:&lt;/code&gt; folders and Stevedore's local store, with live progress per layer; assemble, annotate and push multi-platform manifest lists; manage registry credentials across Docker and Podman auth files and credential helpers, and export them as Kubernetes pull secrets; a sandbox registry of your own for a first push. The &lt;code&gt;stevedore&lt;/code&gt; command does the same from a terminal.&lt;/p&gt;&lt;p&gt;Local store: %2&lt;/p&gt;&lt;p&gt;Licensed under the Apache License, Version 2.0. Built with Qt %3.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::ImageDetailsPane</name>
        <message>
            <source>Summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Config</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy Digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy &amp;Manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Entry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Media type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Digest: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no platform)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1, %n platform image(s)</source>
            <translation>
                <numerusform>%1, %n platform image</numerusform>
                <numerusform>%1, %n platform images</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 in all (compressed, every platform)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 in all (compressed, the %n platform image(s) here)</source>
            <translation>
                <numerusform>%1 in all (compressed, the %n platform image here)</numerusform>
                <numerusform>%1 in all (compressed, the %n platform images here)</numerusform>
            </translation>
        </message>
        <message>
            <source>config</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>layer %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1, %n layer(s), %2 in all (compressed)</source>
            <translation>
                <numerusform>%1, %n layer, %2 in all (compressed)</numerusform>
                <numerusform>%1, %n layers, %2 in all (compressed)</numerusform>
            </translation>
        </message>
        <message>
            <source>An index has no config: each of its platform images has its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Platform: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working directory: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Entrypoint: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Labels:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (no layer)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::LocalImagesPanel</name>
        <message>
            <source>Tag Image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another name for %1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tagged %1 as %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot tag %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove Image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove %1 from the local store?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layers no other image uses are deleted with it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot remove %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inspect %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by name, tag, digest or platform</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Push…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tag…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Inspect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot inspect %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OCI archives (*.tar)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export as OCI Archive…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export %1 as a Docker Archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Docker archives (*.tar)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export as &amp;Docker Archive…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::MainWindow</name>
        <message numerus="yes">
            <source>Only the first of %n dropped images is pushed at a time.</source>
            <translation>
                <numerusform>Only the first of %n dropped images is pushed at a time.</numerusform>
                <numerusform>Only the first of %n dropped images is pushed at a time.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Push Image…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Push an image to a registry or another location</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh Images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Stevedore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registry Browser</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Images in the local store %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local store unreadable</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n local image(s)</source>
            <translation>
                <numerusform>%n local image</numerusform>
                <numerusform>%n local images</numerusform>
            </translation>
        </message>
        <message>
            <source>Reading the local store…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pushing %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 → %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pushed %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Push failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Credentials…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List, add, test and remove registry credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assemble a multi-platform manifest list from images: drop them in the editor, set their platforms, save the list and push it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Manifest List &amp;Editor…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Manifest List Editor…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assemble, annotate, save and push a manifest list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often the scheduled images are re-imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scheduled re-import failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2 → %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (new: %2)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Re-imported %n scheduled image(s): %1</source>
            <translation>
                <numerusform>Re-imported %n scheduled image: %1</numerusform>
                <numerusform>Re-imported %n scheduled images: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n scheduled import(s) failed: %1</source>
            <translation>
                <numerusform>%n scheduled import failed: %1</numerusform>
                <numerusform>%n scheduled imports failed: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scheduled images checked: nothing changed (%n scheduled)</source>
            <translation>
                <numerusform>Scheduled images checked: nothing changed (%n scheduled)</numerusform>
                <numerusform>Scheduled images checked: nothing changed (%n scheduled)</numerusform>
            </translation>
        </message>
        <message>
            <source>Push queue: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n push(es) from the last session are back in the queue</source>
            <translation>
                <numerusform>%n push from the last session is back in the queue</numerusform>
                <numerusform>%n pushes from the last session are back in the queue</numerusform>
            </translation>
        </message>
        <message>
            <source>The push queue could not be saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tool Bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P&amp;ull Image…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy an image of a registry into the local store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pulled %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Container Images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manifest Lists</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::ManifestEditor</name>
        <message>
            <source>&amp;New</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start an empty list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open List…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a list saved in the local store, or a list in a registry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the list in the local store under the name given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Push…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the list, then push it and its images (every platform) through the push queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the selected rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List &amp;name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry.example:5000/team/app:v1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify TLS certificates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unchecked: images in registries are read over http or with unverified certificates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Image:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>myapp:v1, oci:/path/to/layout:tag or docker://host/repo:tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All &amp;platforms of an index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop images here from the local images or a registry; drag rows to reorder them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Move %n row(s)</source>
            <translation>
                <numerusform>Move %n row</numerusform>
                <numerusform>Move %n rows</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter a name for the list, e.g. registry.example:5000/team/app:v1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The list cannot be saved yet: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace List</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A list named %1 is already in the local store. Replace it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: %1 exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot save the list: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n image(s) in the list</source>
            <translation>
                <numerusform>%n image in the list</numerusform>
                <numerusform>%n images in the list</numerusform>
            </translation>
        </message>
        <message>
            <source>Manifest List Editor</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::MoveRowCommand</name>
        <message>
            <source>Move row %1 to %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::OpenListDialog</name>
        <message>
            <source>Open Manifest List</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A list saved in the &amp;local store:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A list in a &amp;registry:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>docker://registry.example:5000/team/app:v1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the local lists…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read the local lists: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 (%n image(s))</source>
            <translation>
                <numerusform>%1 (%n image)</numerusform>
                <numerusform>%1 (%n images)</numerusform>
            </translation>
        </message>
        <message>
            <source>No list is saved in the local store yet.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::PlatformDelegate</name>
        <message>
            <source>key=value; key2=value2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>feature1, feature2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Architecture %1 takes no variant</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-import &amp;scheduled images every:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Images scheduled with “stevedore import-image --scheduled --confirm” are imported again when their source changed; the local images are then read again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pushes running &amp;at once:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Retries of a temporary error:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Notify when a push ends while the window is in the background</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system's (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Default registry:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none, e.g. registry.example.com or 127.0.0.1:5000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shown in the registry browser, and proposed as the destination of a push.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify TLS certificates of new registries and pushes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Certificate folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>each registry's own: ~/.config/containers/certs.d/HOST, then /etc/containers/certs.d/HOST</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folder new registries and pushes start with: CA certificates (*.crt) and client certificate pairs (*.cert, *.key).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is not a registry: give a host name or address, and a port if it needs one (registry.example.com, 127.0.0.1:5000).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The certificate folder %1 does not exist.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::PullDialog</name>
        <message>
            <source>Pull Image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Image:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registry.example.com/team/app:v1, or docker://…, oci:…, dir:…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local &amp;name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All &amp;platforms of an index (otherwise this computer's)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify TLS certificates (require https)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Pull</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the image's own name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the image to pull, e.g. registry.example.com/team/app:v1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>local name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The local name %1 names another location: give a name without a transport (push the image there instead).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::PullSecretDialog</name>
        <message>
            <source>Export as Pull Secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none (the namespace kubectl applies it to)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YAML</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name&amp;space:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Reading %n credential(s)…</source>
            <translation>
                <numerusform>Reading %n credential…</numerusform>
                <numerusform>Reading %n credentials…</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot read the credentials: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Left out (no credentials could be read):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There are no credentials to export.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>A Secret of type kubernetes.io/dockerconfigjson with %n registry key(s). It holds the passwords: keep it out of version control.</source>
            <translation>
                <numerusform>A Secret of type kubernetes.io/dockerconfigjson with %n registry key. It holds the password: keep it out of version control.</numerusform>
                <numerusform>A Secret of type kubernetes.io/dockerconfigjson with %n registry keys. It holds the passwords: keep it out of version control.</numerusform>
            </translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save Pull Secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YAML files (*.yaml *.yml)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is nothing to save yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved to %1 (readable by you only).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::PushDialog</name>
        <message>
            <source>Push Image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>myapp:v1 or oci:/path/to/layout:tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>docker://registry.example:5000/team/app:v1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Push &amp;all platforms of an index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify TLS certificates (require https)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>from auth.json when empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Push</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Source:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;User:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the image to push.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter a destination, e.g. docker://host/repo:tag.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>destination</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the password for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the user name that goes with the password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Docker manifest list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OCI index</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1, %n image(s)</source>
            <translation>
                <numerusform>%1, %n image</numerusform>
                <numerusform>%1, %n images</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1, %n platform(s): %2</source>
            <translation>
                <numerusform>%1, %n platform: %2</numerusform>
                <numerusform>%1, %n platforms: %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Docker image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OCI image</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1, %n layer(s), %2</source>
            <translation>
                <numerusform>%1, %n layer, %2</numerusform>
                <numerusform>%1, %n layers, %2</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Local Image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose an image of the local store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This computer's (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As the destination prefers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>gzip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>zstd</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None (uncompressed layers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep (convert only when needed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OCI</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Docker v2 schema 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the system's (/etc/containers/certs.d)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>where to write the pushed digest (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Options</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P&amp;latform:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Compression:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Manifest format:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;tries:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Certificate &amp;folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Di&amp;gest file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log in for this push only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Certificate Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Digest File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A gzip level is 1 to 9.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose gzip or zstd to set a compression level.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The certificate folder %1 does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the source…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read the source: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Image Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No local images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No recent destinations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose an OCI layout or dir: folder (the arrow: an OCI or Docker archive file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Archive File…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Image Archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Image archives (*.tar *.tar.gz *.tgz)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::PushQueueController</name>
        <message>
            <source>Push finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Push cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Push failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit Stevedore</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n push(es) still running</source>
            <translation>
                <numerusform>%n push still running</numerusform>
                <numerusform>%n pushes still running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n waiting</source>
            <translation>
                <numerusform>, %n waiting</numerusform>
                <numerusform>, %n waiting</numerusform>
            </translation>
        </message>
        <message>
            <source>Quitting stops them; they come back queued the next time Stevedore starts, and start again from the beginning (what the registry already has is not sent again).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keep Pushing</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::PushQueueDock</name>
        <message>
            <source>Push Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop an OCI layout folder or an image reference here to push it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
Pushed: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
Failed: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy &amp;Digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy &amp;Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the selected push again with the same options and credentials (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop the selected push; the source is untouched (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the selected push from the queue (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove &amp;Finished</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::RegistryBrowser</name>
        <message>
            <source>Certificate Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add Registry…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repository name, e.g. team/app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open Repository</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Log In…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Trust Certificate Folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the registry the repository is in first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is now reached with the certificates of %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a tag or a platform image to see its details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer %1
%2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete %1 from the registry?

The registry deletes the manifest %2 and every tag that names it. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete Image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleting %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Logged in and stored %1 in %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stored %1 in %2 (not verified).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Filter by Name</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stevedore::ui::RemoveRowsCommand</name>
        <message numerus="yes">
            <source>Remove %n row(s)</source>
            <translation>
                <numerusform>Remove %n row</numerusform>
                <numerusform>Remove %n rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::SandboxController</name>
        <message>
            <source>The sandbox registry did not start: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sandbox registry is stopped; what it holds is kept for the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting the sandbox registry…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox registry running at %1: drop an image on it in the registry browser, or push the sample image to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop &amp;Sandbox Registry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start &amp;Sandbox Registry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop the sandbox registry at %1 (what it holds is kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start a registry of your own on this computer, with a sample image to push</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No registry yet — start a sandbox registry</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
