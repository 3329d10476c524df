<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
            <source>Start the sandbox registry: it puts a sample image here and gives you a registry on this computer to push it to — drag the image onto the push queue. Or push an OCI layout folder: drop it on the push queue, or choose File → Push Image…. Images pulled or imported with the stevedore command show here too.</source>
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
            <source>Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot inspect: %1</source>
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
            <source>Stevedore — Container Images</source>
            <translation type="unfinished" />
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
            <source>Manifest Editor</source>
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
            <source>Credentials — Stevedore</source>
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
            <source>Manifest List Editor — Stevedore</source>
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
            <source>Choose an OCI layout or dir: folder</source>
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
            <source>&amp;Copy Digest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy &amp;Manifest</source>
            <translation type="unfinished" />
        </message>
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
            <source>An index has no config: choose one of its platform images.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading…</source>
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
            <source>%1 in all (compressed, every platform)</source>
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
