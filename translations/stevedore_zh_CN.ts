<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>stevedore::models::LocalImagesModel</name>
        <message>
            <source>Cannot read the local store %1: %2</source>
            <translation>无法读取本地存储 %1：%2</translation>
        </message>
        <message>
            <source>Repository</source>
            <translation>仓库</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Digest</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
    </context>
    <context>
        <name>stevedore::models::TransferModel</name>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>%1%</source>
            <translation>%1%</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>%1
%2</source>
            <translation>%1
%2</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>传输</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>排队中</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>Checking</source>
            <translation>检查中</translation>
        </message>
        <message>
            <source>Uploading</source>
            <translation>上传中</translation>
        </message>
        <message>
            <source>Already there</source>
            <translation>已存在</translation>
        </message>
        <message>
            <source>Mounted</source>
            <translation>已挂载</translation>
        </message>
        <message>
            <source>Retrying</source>
            <translation>重试中</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::MainWindow</name>
        <message numerus="yes">
            <source>Only the first of %n dropped images is pushed at a time.</source>
            <translation>
                <numerusform>一次只推送拖放的 %n 个镜像中的第一个。</numerusform>
            </translation>
        </message>
        <message>
            <source>Stevedore — Container Images</source>
            <translation>Stevedore — 容器镜像</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Push Image…</source>
            <translation>推送镜像(&amp;P)…</translation>
        </message>
        <message>
            <source>Push an image to a registry or another location</source>
            <translation>将镜像推送到镜像仓库或其他位置</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Refresh Images</source>
            <translation>刷新镜像(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;About Stevedore</source>
            <translation>关于 Stevedore(&amp;A)</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>关于 &amp;Qt</translation>
        </message>
        <message>
            <source>Registry Browser</source>
            <translation>镜像仓库浏览器</translation>
        </message>
        <message>
            <source>Manifest Editor</source>
            <translation>清单编辑器</translation>
        </message>
        <message>
            <source>Browsing registries is coming in a later release.</source>
            <translation>浏览镜像仓库的功能将在后续版本中提供。</translation>
        </message>
        <message>
            <source>Editing manifests and manifest lists is coming in a later release.</source>
            <translation>编辑清单和清单列表的功能将在后续版本中提供。</translation>
        </message>
        <message>
            <source>Images in the local store %1</source>
            <translation>本地存储 %1 中的镜像</translation>
        </message>
        <message>
            <source>Local store unreadable</source>
            <translation>本地存储无法读取</translation>
        </message>
        <message numerus="yes">
            <source>%n local image(s)</source>
            <translation>
                <numerusform>%n 个本地镜像</numerusform>
            </translation>
        </message>
        <message>
            <source>Reading the local store…</source>
            <translation>正在读取本地存储…</translation>
        </message>
        <message>
            <source>Pushing %1 to %2</source>
            <translation>正在将 %1 推送到 %2</translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>Pushed %1</source>
            <translation>已推送 %1</translation>
        </message>
        <message>
            <source>Cancelled %1</source>
            <translation>已取消 %1</translation>
        </message>
        <message>
            <source>Push failed: %1</source>
            <translation>推送失败：%1</translation>
        </message>
        <message>
            <source>About Stevedore</source>
            <translation>关于 Stevedore</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;Build, inspect, annotate and push container images.&lt;/p&gt;&lt;p&gt;Local store: %2&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;构建、检查、注释和推送容器镜像。&lt;/p&gt;&lt;p&gt;本地存储：%2&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::PushDialog</name>
        <message>
            <source>Push Image</source>
            <translation>推送镜像</translation>
        </message>
        <message>
            <source>myapp:v1 or oci:/path/to/layout:tag</source>
            <translation>myapp:v1 或 oci:/path/to/layout:tag</translation>
        </message>
        <message>
            <source>docker://registry.example:5000/team/app:v1</source>
            <translation>docker://registry.example:5000/team/app:v1</translation>
        </message>
        <message>
            <source>Push &amp;all platforms of an index</source>
            <translation>推送索引中的所有平台(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Verify TLS certificates (require https)</source>
            <translation>验证 TLS 证书（要求 https）(&amp;V)</translation>
        </message>
        <message>
            <source>from auth.json when empty</source>
            <translation>留空时从 auth.json 读取</translation>
        </message>
        <message>
            <source>&amp;Push</source>
            <translation>推送(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Source:</source>
            <translation>源(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation>目标(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>用户名(&amp;U)：</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>密码(&amp;W)：</translation>
        </message>
        <message>
            <source>Enter the image to push.</source>
            <translation>请输入要推送的镜像。</translation>
        </message>
        <message>
            <source>source</source>
            <translation>源</translation>
        </message>
        <message>
            <source>Enter a destination, e.g. docker://host/repo:tag.</source>
            <translation>请输入目标，例如 docker://host/repo:tag。</translation>
        </message>
        <message>
            <source>destination</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Enter the password for %1.</source>
            <translation>请输入 %1 的密码。</translation>
        </message>
        <message>
            <source>Enter the user name that goes with the password.</source>
            <translation>请输入与该密码对应的用户名。</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::PushQueueDock</name>
        <message>
            <source>Push Queue</source>
            <translation>推送队列</translation>
        </message>
        <message>
            <source>Drop an OCI layout folder or an image reference here to push it.</source>
            <translation>将 OCI 布局文件夹或镜像引用拖放到此处即可推送。</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Remove Finished</source>
            <translation>移除已完成项(&amp;R)</translation>
        </message>
    </context>
</TS>
