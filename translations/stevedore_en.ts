<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
            <source>Browsing registries is coming in a later release.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Editing manifests and manifest lists is coming in a later release.</source>
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
            <source>About Stevedore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;Build, inspect, annotate and push container images.&lt;/p&gt;&lt;p&gt;Local store: %2&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
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
            <source>&amp;Remove Finished</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
