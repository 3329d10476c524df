<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>stevedore::models::CredentialsModel</name>
        <message>
            <source>%1 holds no credentials for %2 any more.</source>
            <translation>%1 中已不再保存 %2 的凭据。</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>刚刚</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n 分钟前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>%n 小时前</numerusform>
            </translation>
        </message>
        <message>
            <source>(identity token)</source>
            <translation>（身份令牌）</translation>
        </message>
        <message>
            <source>%1 (written as %2)</source>
            <translation>%1（写作 %2）</translation>
        </message>
        <message>
            <source>Never used: %1 wins for every image this entry could serve.</source>
            <translation>从不使用：对于此条目可服务的每个镜像，%1 都优先。</translation>
        </message>
        <message>
            <source>Not tested against the registry in this session.</source>
            <translation>本次会话中尚未在镜像仓库上测试。</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>键</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Shadowed By</source>
            <translation>被遮蔽于</translation>
        </message>
        <message>
            <source>Last Verified</source>
            <translation>上次验证</translation>
        </message>
    </context>
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
        <message>
            <source>No image is selected.</source>
            <translation>未选择镜像。</translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s), %1 as stored (compressed), config included</source>
            <translation>
                <numerusform>%n 个层，存储大小 %1（压缩后，含配置）</numerusform>
            </translation>
        </message>
        <message>
            <source>Platforms</source>
            <translation>平台</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
    </context>
    <context>
        <name>stevedore::models::ManifestListModel</name>
        <message>
            <source>annotation "%1" is not KEY=VALUE (separate annotations with ";")</source>
            <translation>注解“%1”不是 KEY=VALUE 形式（多个注解用“;”分隔）</translation>
        </message>
        <message>
            <source>The list is empty: add images first.</source>
            <translation>列表为空：请先添加镜像。</translation>
        </message>
        <message>
            <source>Row %1: %2 is still being read.</source>
            <translation>第 %1 行：仍在读取 %2。</translation>
        </message>
        <message>
            <source>Row %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message>
            <source>reading the image was cancelled</source>
            <translation>读取镜像已取消</translation>
        </message>
        <message>
            <source>%1 has no image for this list</source>
            <translation>%1 中没有可用于此列表的镜像</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation>无法读取 %1：%2</translation>
        </message>
        <message>
            <source>os is required</source>
            <translation>必须填写 os</translation>
        </message>
        <message>
            <source>architecture is required</source>
            <translation>必须填写 architecture</translation>
        </message>
        <message>
            <source>architecture %1 takes no variant</source>
            <translation>架构 %1 没有变体</translation>
        </message>
        <message>
            <source>unknown variant "%1" for %2: valid values are %3</source>
            <translation>%2 的变体“%1”未知：有效值为 %3</translation>
        </message>
        <message>
            <source>platform %1 is listed %2 times (rows %3)</source>
            <translation>平台 %1 出现了 %2 次（第 %3 行）</translation>
        </message>
        <message>
            <source>the image %1 is listed %2 times (rows %3)</source>
            <translation>镜像 %1 出现了 %2 次（第 %3 行）</translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message>
            <source>Cannot read: %1</source>
            <translation>无法读取：%1</translation>
        </message>
        <message>
            <source>Reading %1 on the engine…</source>
            <translation>引擎正在读取 %1…</translation>
        </message>
        <message>
            <source>%1, added as %2</source>
            <translation>%1，以 %2 添加</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 字节</translation>
        </message>
        <message>
            <source>Where the image is read from when the list is pushed</source>
            <translation>推送列表时从何处读取该镜像</translation>
        </message>
        <message>
            <source>Comma-separated, e.g. win32k</source>
            <translation>以逗号分隔，例如 win32k</translation>
        </message>
        <message>
            <source>KEY=VALUE pairs separated by ";"</source>
            <translation>以“;”分隔的 KEY=VALUE 对</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>镜像</translation>
        </message>
        <message>
            <source>Digest</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Media Type</source>
            <translation>媒体类型</translation>
        </message>
        <message>
            <source>OS</source>
            <translation>操作系统</translation>
        </message>
        <message>
            <source>Architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <source>Variant</source>
            <translation>变体</translation>
        </message>
        <message>
            <source>OS Version</source>
            <translation>系统版本</translation>
        </message>
        <message>
            <source>OS Features</source>
            <translation>系统特性</translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>注解</translation>
        </message>
        <message>
            <source>OCI manifest</source>
            <translation>OCI 清单</translation>
        </message>
        <message>
            <source>OCI index</source>
            <translation>OCI 索引</translation>
        </message>
        <message>
            <source>Docker v2s2</source>
            <translation>Docker v2s2</translation>
        </message>
        <message>
            <source>Docker manifest list</source>
            <translation>Docker 清单列表</translation>
        </message>
    </context>
    <context>
        <name>stevedore::models::RegistryTreeModel</name>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>This registry does not list its repositories here: type a repository name to open it.</source>
            <translation>此镜像仓库不在此列出其仓库：请输入仓库名称以打开它。</translation>
        </message>
        <message>
            <source>(no platform)</source>
            <translation>（无平台）</translation>
        </message>
        <message>
            <source>Choose a tag or a platform image to delete.</source>
            <translation>请选择要删除的标签或平台镜像。</translation>
        </message>
        <message>
            <source>Deleted %1.</source>
            <translation>已删除 %1。</translation>
        </message>
        <message>
            <source>%1 did not accept the login: log in again, or check the user and password in Credentials.</source>
            <translation>%1 不接受此登录：请重新登录，或在“凭据”中检查用户名和密码。</translation>
        </message>
        <message>
            <source>%1 does not allow this user to see this.</source>
            <translation>%1 不允许此用户查看此内容。</translation>
        </message>
        <message>
            <source>%1 needs a login.</source>
            <translation>%1 需要登录。</translation>
        </message>
        <message>
            <source>The credentials for %1 cannot be read: an auth file is damaged (see Credentials).</source>
            <translation>无法读取 %1 的凭据：某个认证文件已损坏（见“凭据”）。</translation>
        </message>
        <message>
            <source>The certificate of %1 is not trusted: trust the folder holding its CA certificate, or add the registry again without certificate checks.</source>
            <translation>%1 的证书不受信任：请信任存放其 CA 证书的文件夹，或以不检查证书的方式重新添加该镜像仓库。</translation>
        </message>
        <message>
            <source>Cannot reach %1: check the address and that the registry is running.</source>
            <translation>无法连接 %1：请检查地址以及镜像仓库是否在运行。</translation>
        </message>
        <message>
            <source>%1 does not have this (it may have been deleted).</source>
            <translation>%1 上没有此内容（可能已被删除）。</translation>
        </message>
        <message>
            <source>%1 asks to slow down: try again in a moment.</source>
            <translation>%1 要求放慢速度：请稍后再试。</translation>
        </message>
        <message>
            <source>%1 had an internal error: try again later.</source>
            <translation>%1 出现内部错误：请稍后再试。</translation>
        </message>
        <message>
            <source>%1 does not allow this (deleting may not be enabled on it).</source>
            <translation>%1 不允许此操作（可能未启用删除）。</translation>
        </message>
        <message>
            <source>Stopped.</source>
            <translation>已停止。</translation>
        </message>
        <message>
            <source>%1 answered something unexpected: %2</source>
            <translation>%1 的回答出乎意料：%2</translation>
        </message>
        <message>
            <source>%1 (no certificate checks)</source>
            <translation>%1（不检查证书）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Digest</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Media type</source>
            <translation>媒体类型</translation>
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
        <message>
            <source>not copied: the push stopped on an error</source>
            <translation>未复制：推送因错误而停止</translation>
        </message>
        <message>
            <source>Cancelled after %1 of %2; the source is untouched</source>
            <translation>在 %1 / %2 时已取消；源未被改动</translation>
        </message>
        <message>
            <source>Waiting for a free slot</source>
            <translation>等待空闲的推送位</translation>
        </message>
        <message>
            <source>%1/s</source>
            <translation>%1/秒</translation>
        </message>
        <message>
            <source>config %1</source>
            <translation>配置 %1</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Elapsed</source>
            <translation>已用时间</translation>
        </message>
        <message>
            <source>Remaining</source>
            <translation>剩余时间</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Not copied</source>
            <translation>未复制</translation>
        </message>
        <message>
            <source>the saved queue has version %1; this Stevedore reads version %2</source>
            <translation>保存的队列版本为 %1；此 Stevedore 读取版本 %2</translation>
        </message>
        <message>
            <source>saved job %1: %2</source>
            <translation>保存的任务 %1：%2</translation>
        </message>
        <message>
            <source>unknown state "%1"</source>
            <translation>未知状态“%1”</translation>
        </message>
        <message>
            <source>The user name and password typed for this push are not kept across restarts. Log in to the registry (Tools › Credentials…), then choose Retry.</source>
            <translation>为此次推送输入的用户名和密码不会在重启后保留。请登录该镜像仓库（工具 › 凭据…），然后选择“重试”。</translation>
        </message>
        <message>
            <source>%1 is not a saved push queue (%2); it was kept as %1.bad</source>
            <translation>%1 不是保存的推送队列（%2）；已将其保留为 %1.bad</translation>
        </message>
        <message>
            <source>not a JSON object</source>
            <translation>不是 JSON 对象</translation>
        </message>
        <message>
            <source>cannot make the folder of %1</source>
            <translation>无法创建 %1 所在的文件夹</translation>
        </message>
        <message>
            <source>Cancelled before anything was sent; the source is untouched</source>
            <translation>在发送任何内容之前已取消；源未被改动</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::AddRegistryDialog</name>
        <message>
            <source>Add Registry</source>
            <translation>添加镜像仓库</translation>
        </message>
        <message>
            <source>registry.example.com:5000</source>
            <translation>registry.example.com:5000</translation>
        </message>
        <message>
            <source>Check the registry's TLS certificate</source>
            <translation>检查镜像仓库的 TLS 证书</translation>
        </message>
        <message>
            <source>the system's (certs.d)</source>
            <translation>系统的（certs.d）</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Certificate Folder</source>
            <translation>证书文件夹</translation>
        </message>
        <message>
            <source>Registry &amp;URL:</source>
            <translation>镜像仓库地址(&amp;U)：</translation>
        </message>
        <message>
            <source>&amp;Certificate folder:</source>
            <translation>证书文件夹(&amp;C)：</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::AddRowsCommand</name>
        <message>
            <source>Add %1</source>
            <translation>添加 %1</translation>
        </message>
        <message numerus="yes">
            <source>Add %n image(s)</source>
            <translation>
                <numerusform>添加 %n 个镜像</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::CredentialDialog</name>
        <message>
            <source>Add Credential</source>
            <translation>添加凭据</translation>
        </message>
        <message>
            <source>Edit Credential</source>
            <translation>编辑凭据</translation>
        </message>
        <message>
            <source>registry.example:5000 or quay.io/team</source>
            <translation>registry.example:5000 或 quay.io/team</translation>
        </message>
        <message>
            <source>REGISTRY[/NAMESPACE[/REPO]]: the most specific key that matches an image wins.</source>
            <translation>REGISTRY[/NAMESPACE[/REPO]]：与镜像匹配的最具体的键优先。</translation>
        </message>
        <message>
            <source>%1 (default)</source>
            <translation>%1（默认）</translation>
        </message>
        <message>
            <source>The auth file to write to. When it names a credential helper for the registry, the helper keeps the password instead.</source>
            <translation>要写入的认证文件。如果该文件为此镜像仓库指定了凭据助手，则改由该助手保存密码。</translation>
        </message>
        <message>
            <source>&amp;Log in to the registry first (store only if it accepts the password)</source>
            <translation>先登录镜像仓库（仅在其接受密码后保存）(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Verify TLS certificates (require https)</source>
            <translation>验证 TLS 证书（要求 https）(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Key:</source>
            <translation>键(&amp;K)：</translation>
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
            <source>&amp;Store in:</source>
            <translation>保存到(&amp;S)：</translation>
        </message>
        <message>
            <source>Enter a user name and a password.</source>
            <translation>请输入用户名和密码。</translation>
        </message>
        <message>
            <source>Logging in to %1…</source>
            <translation>正在登录 %1…</translation>
        </message>
        <message>
            <source>Storing the credential for %1…</source>
            <translation>正在保存 %1 的凭据…</translation>
        </message>
        <message>
            <source>Not stored: %1</source>
            <translation>未保存：%1</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::CredentialManager</name>
        <message>
            <source>&amp;Add…</source>
            <translation>添加(&amp;A)…</translation>
        </message>
        <message>
            <source>Add a credential to an auth file (or the helper it names)</source>
            <translation>将凭据添加到认证文件（或其指定的凭据助手）</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>Replace the user and password of the selected credential</source>
            <translation>替换所选凭据的用户名和密码</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected credential from its source</source>
            <translation>从来源中移除所选凭据</translation>
        </message>
        <message>
            <source>&amp;Test Login</source>
            <translation>测试登录(&amp;T)</translation>
        </message>
        <message>
            <source>Log in to the registry with the selected credential (nothing is stored)</source>
            <translation>使用所选凭据登录镜像仓库（不保存任何内容）</translation>
        </message>
        <message>
            <source>E&amp;xport as Pull Secret…</source>
            <translation>导出为拉取密钥(&amp;X)…</translation>
        </message>
        <message>
            <source>A Kubernetes Secret of type kubernetes.io/dockerconfigjson for the selected credentials</source>
            <translation>为所选凭据生成 kubernetes.io/dockerconfigjson 类型的 Kubernetes Secret</translation>
        </message>
        <message>
            <source>Re&amp;load</source>
            <translation>重新加载(&amp;L)</translation>
        </message>
        <message>
            <source>Read the auth files and credential helpers again</source>
            <translation>重新读取认证文件和凭据助手</translation>
        </message>
        <message>
            <source>&amp;Verify TLS certificates (require https)</source>
            <translation>验证 TLS 证书（要求 https）(&amp;V)</translation>
        </message>
        <message>
            <source>Ex&amp;plain image:</source>
            <translation>解释镜像(&amp;P)：</translation>
        </message>
        <message>
            <source>quay.io/team/app:v1 — which credential would a push or pull use?</source>
            <translation>quay.io/team/app:v1 — 推送或拉取时会使用哪个凭据？</translation>
        </message>
        <message>
            <source>Explain</source>
            <translation>解释</translation>
        </message>
        <message>
            <source>Type an image reference and press Explain to see which credential it uses and why the others do not.</source>
            <translation>输入镜像引用并点击“解释”，查看它使用哪个凭据以及其他凭据为何未被使用。</translation>
        </message>
        <message>
            <source>Searched, in order: %1</source>
            <translation>按顺序搜索：%1</translation>
        </message>
        <message>
            <source>Some credentials could not be read; the others are listed:</source>
            <translation>部分凭据无法读取；其余凭据已列出：</translation>
        </message>
        <message>
            <source>Logged in and stored %1 in %2.</source>
            <translation>已登录，并将 %1 保存到 %2。</translation>
        </message>
        <message>
            <source>Stored %1 in %2 (not verified).</source>
            <translation>已将 %1 保存到 %2（未验证）。</translation>
        </message>
        <message>
            <source>Remove Credential</source>
            <translation>移除凭据</translation>
        </message>
        <message>
            <source>Remove the credential for %1 from %2?</source>
            <translation>要从 %2 中移除 %1 的凭据吗？</translation>
        </message>
        <message>
            <source>Removed %1 from %2.</source>
            <translation>已从 %2 中移除 %1。</translation>
        </message>
        <message>
            <source>Could not remove %1: %2</source>
            <translation>无法移除 %1：%2</translation>
        </message>
        <message>
            <source>Removing %1…</source>
            <translation>正在移除 %1…</translation>
        </message>
        <message>
            <source>Logging in to %1 with %2…</source>
            <translation>正在使用 %2 登录 %1…</translation>
        </message>
        <message>
            <source>an identity token</source>
            <translation>身份令牌</translation>
        </message>
        <message>
            <source>Login failed: %1</source>
            <translation>登录失败：%1</translation>
        </message>
        <message>
            <source>Type an image reference, e.g. quay.io/team/app:v1.</source>
            <translation>请输入镜像引用，例如 quay.io/team/app:v1。</translation>
        </message>
        <message>
            <source>Not an image reference: %1</source>
            <translation>不是镜像引用：%1</translation>
        </message>
        <message>
            <source>Cannot tell: %1</source>
            <translation>无法判断：%1</translation>
        </message>
        <message>
            <source>Login succeeded: %1 accepted %2 (%3).</source>
            <translation>登录成功：%1 接受了 %2（%3）。</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::EditFieldCommand</name>
        <message>
            <source>Set %1</source>
            <translation>设置%1</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::EmptyStorePage</name>
        <message>
            <source>No images in the local store yet</source>
            <translation>本地存储中还没有镜像</translation>
        </message>
        <message>
            <source>Start the sandbox registry: it puts a sample image here and gives you a registry on this computer to push it to — drag the image onto the push queue. Or push an OCI layout folder: drop it on the push queue, or choose File → Push Image…. Images pulled or imported with the stevedore command show here too.</source>
            <translation>启动沙盒仓库：它会在这里放入一个示例镜像，并在本机提供一个可推送的仓库 — 把镜像拖到推送队列即可。也可以推送 OCI 布局文件夹：把它拖放到推送队列，或选择“文件 → 推送镜像…”。用 stevedore 命令拉取或导入的镜像也会显示在这里。</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::HelpDialogs</name>
        <message>
            <source>Main window</source>
            <translation>主窗口</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <source>About Stevedore</source>
            <translation>关于 Stevedore</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;Push, copy and browse container images: between registries, OCI layouts, &lt;code&gt;dir:&lt;/code&gt; folders and Stevedore's local store, with live progress per layer; assemble, annotate and push multi-platform manifest lists; manage registry credentials across Docker and Podman auth files and credential helpers, and export them as Kubernetes pull secrets; a sandbox registry of your own for a first push. The &lt;code&gt;stevedore&lt;/code&gt; command does the same from a terminal.&lt;/p&gt;&lt;p&gt;Local store: %2&lt;/p&gt;&lt;p&gt;Licensed under the Apache License, Version 2.0. Built with Qt %3.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;推送、复制和浏览容器镜像：在镜像仓库、OCI 布局、&lt;code&gt;dir:&lt;/code&gt; 文件夹和 Stevedore 本地存储之间传输，并实时显示每个层的进度；组装、注解并推送多平台清单列表；管理 Docker 与 Podman 认证文件及凭据助手中的镜像仓库凭据，并将其导出为 Kubernetes 拉取密钥；还有一个属于你自己的沙盒仓库，方便首次推送。&lt;code&gt;stevedore&lt;/code&gt; 命令可在终端中完成同样的工作。&lt;/p&gt;&lt;p&gt;本地存储：%2&lt;/p&gt;&lt;p&gt;依据 Apache License 2.0 授权。使用 Qt %3 构建。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::LocalImagesPanel</name>
        <message>
            <source>Tag Image</source>
            <translation>标记镜像</translation>
        </message>
        <message>
            <source>Another name for %1:</source>
            <translation>%1 的另一个名称：</translation>
        </message>
        <message>
            <source>Tagged %1 as %2</source>
            <translation>已将 %1 标记为 %2</translation>
        </message>
        <message>
            <source>Cannot tag %1: %2</source>
            <translation>无法标记 %1：%2</translation>
        </message>
        <message>
            <source>Remove Image</source>
            <translation>移除镜像</translation>
        </message>
        <message>
            <source>Remove %1 from the local store?</source>
            <translation>要从本地存储中移除 %1 吗？</translation>
        </message>
        <message>
            <source>Layers no other image uses are deleted with it.</source>
            <translation>没有其他镜像使用的层会随之删除。</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <source>Removed %1</source>
            <translation>已移除 %1</translation>
        </message>
        <message>
            <source>Cannot remove %1: %2</source>
            <translation>无法移除 %1：%2</translation>
        </message>
        <message>
            <source>Inspect %1</source>
            <translation>检查 %1</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Cannot inspect: %1</source>
            <translation>无法检查：%1</translation>
        </message>
        <message>
            <source>Filter by name, tag, digest or platform</source>
            <translation>按名称、标签、摘要或平台筛选</translation>
        </message>
        <message>
            <source>&amp;Push…</source>
            <translation>推送(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Tag…</source>
            <translation>标记(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Remove…</source>
            <translation>移除(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Inspect</source>
            <translation>检查(&amp;I)</translation>
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
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Credentials…</source>
            <translation>凭据(&amp;C)…</translation>
        </message>
        <message>
            <source>List, add, test and remove registry credentials</source>
            <translation>列出、添加、测试和移除镜像仓库凭据</translation>
        </message>
        <message>
            <source>Credentials</source>
            <translation>凭据</translation>
        </message>
        <message>
            <source>Credentials — Stevedore</source>
            <translation>凭据 — Stevedore</translation>
        </message>
        <message>
            <source>Assemble a multi-platform manifest list from images: drop them in the editor, set their platforms, save the list and push it.</source>
            <translation>用镜像组装多平台清单列表：将镜像拖放到编辑器中，设置其平台，保存列表并推送。</translation>
        </message>
        <message>
            <source>Open Manifest List &amp;Editor…</source>
            <translation>打开清单列表编辑器(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Manifest List Editor…</source>
            <translation>清单列表编辑器(&amp;M)…</translation>
        </message>
        <message>
            <source>Assemble, annotate, save and push a manifest list</source>
            <translation>组装、注解、保存并推送清单列表</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <source>How often the scheduled images are re-imported</source>
            <translation>计划镜像重新导入的频率</translation>
        </message>
        <message>
            <source>Scheduled re-import failed: %1</source>
            <translation>计划重新导入失败：%1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>%1 (%2 → %3)</source>
            <translation>%1（%2 → %3）</translation>
        </message>
        <message>
            <source>%1 (new: %2)</source>
            <translation>%1（新：%2）</translation>
        </message>
        <message numerus="yes">
            <source>Re-imported %n scheduled image(s): %1</source>
            <translation>
                <numerusform>已重新导入 %n 个计划镜像：%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n scheduled import(s) failed: %1</source>
            <translation>
                <numerusform>%n 个计划导入失败：%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scheduled images checked: nothing changed (%n scheduled)</source>
            <translation>
                <numerusform>已检查计划镜像：没有变化（共 %n 个计划）</numerusform>
            </translation>
        </message>
        <message>
            <source>Push queue: %1</source>
            <translation>推送队列：%1</translation>
        </message>
        <message numerus="yes">
            <source>%n push(es) from the last session are back in the queue</source>
            <translation>
                <numerusform>上次会话的 %n 个推送已回到队列中</numerusform>
            </translation>
        </message>
        <message>
            <source>The push queue could not be saved: %1</source>
            <translation>无法保存推送队列：%1</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::ManifestEditor</name>
        <message>
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <source>Start an empty list</source>
            <translation>新建一个空列表</translation>
        </message>
        <message>
            <source>&amp;Open List…</source>
            <translation>打开列表(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a list saved in the local store, or a list in a registry</source>
            <translation>打开本地存储中保存的列表，或镜像仓库中的列表</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save the list in the local store under the name given</source>
            <translation>以给定的名称将列表保存到本地存储</translation>
        </message>
        <message>
            <source>&amp;Push…</source>
            <translation>推送(&amp;P)…</translation>
        </message>
        <message>
            <source>Save the list, then push it and its images (every platform) through the push queue</source>
            <translation>保存列表，然后通过推送队列推送列表及其镜像（所有平台）</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected rows</source>
            <translation>删除所选行</translation>
        </message>
        <message>
            <source>Move &amp;Up</source>
            <translation>上移(&amp;U)</translation>
        </message>
        <message>
            <source>Move &amp;Down</source>
            <translation>下移(&amp;D)</translation>
        </message>
        <message>
            <source>List &amp;name:</source>
            <translation>列表名称(&amp;N)：</translation>
        </message>
        <message>
            <source>registry.example:5000/team/app:v1</source>
            <translation>registry.example:5000/team/app:v1</translation>
        </message>
        <message>
            <source>&amp;Verify TLS certificates</source>
            <translation>验证 TLS 证书(&amp;V)</translation>
        </message>
        <message>
            <source>Unchecked: images in registries are read over http or with unverified certificates</source>
            <translation>不勾选：通过 http 或不验证证书读取镜像仓库中的镜像</translation>
        </message>
        <message>
            <source>&amp;Image:</source>
            <translation>镜像(&amp;I)：</translation>
        </message>
        <message>
            <source>myapp:v1, oci:/path/to/layout:tag or docker://host/repo:tag</source>
            <translation>myapp:v1、oci:/path/to/layout:tag 或 docker://host/repo:tag</translation>
        </message>
        <message>
            <source>All &amp;platforms of an index</source>
            <translation>索引的所有平台(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>Drop images here from the local images or a registry; drag rows to reorder them</source>
            <translation>从本地镜像或镜像仓库将镜像拖放到这里；拖动行可调整顺序</translation>
        </message>
        <message>
            <source>Manifest List Editor — Stevedore</source>
            <translation>清单列表编辑器 — Stevedore</translation>
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation>撤销 %1(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation>重做 %1(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>……还有 %n 项</numerusform>
            </translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message numerus="yes">
            <source>Move %n row(s)</source>
            <translation>
                <numerusform>移动 %n 行</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened %1 (%2)</source>
            <translation>已打开 %1（%2）</translation>
        </message>
        <message>
            <source>Enter a name for the list, e.g. registry.example:5000/team/app:v1.</source>
            <translation>请输入列表名称，例如 registry.example:5000/team/app:v1。</translation>
        </message>
        <message>
            <source>The list cannot be saved yet: %1</source>
            <translation>列表暂时无法保存：%1</translation>
        </message>
        <message>
            <source>Saving %1…</source>
            <translation>正在保存 %1…</translation>
        </message>
        <message>
            <source>Replace List</source>
            <translation>替换列表</translation>
        </message>
        <message>
            <source>A list named %1 is already in the local store. Replace it?</source>
            <translation>本地存储中已有名为 %1 的列表。要替换它吗？</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>替换(&amp;R)</translation>
        </message>
        <message>
            <source>Not saved: %1 exists.</source>
            <translation>未保存：%1 已存在。</translation>
        </message>
        <message>
            <source>Cannot save the list: %1</source>
            <translation>无法保存列表：%1</translation>
        </message>
        <message>
            <source>Saved %1 (%2)</source>
            <translation>已保存 %1（%2）</translation>
        </message>
        <message numerus="yes">
            <source>%n image(s) in the list</source>
            <translation>
                <numerusform>列表中有 %n 个镜像</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::MoveRowCommand</name>
        <message>
            <source>Move row %1 to %2</source>
            <translation>将第 %1 行移到第 %2 行</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::OpenListDialog</name>
        <message>
            <source>Open Manifest List</source>
            <translation>打开清单列表</translation>
        </message>
        <message>
            <source>A list saved in the &amp;local store:</source>
            <translation>本地存储中保存的列表(&amp;L)：</translation>
        </message>
        <message>
            <source>A list in a &amp;registry:</source>
            <translation>镜像仓库中的列表(&amp;R)：</translation>
        </message>
        <message>
            <source>docker://registry.example:5000/team/app:v1</source>
            <translation>docker://registry.example:5000/team/app:v1</translation>
        </message>
        <message>
            <source>Reading the local lists…</source>
            <translation>正在读取本地列表…</translation>
        </message>
        <message>
            <source>Cannot read the local lists: %1</source>
            <translation>无法读取本地列表：%1</translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n image(s))</source>
            <translation>
                <numerusform>%1（%n 个镜像）</numerusform>
            </translation>
        </message>
        <message>
            <source>No list is saved in the local store yet.</source>
            <translation>本地存储中还没有保存任何列表。</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::PlatformDelegate</name>
        <message>
            <source>key=value; key2=value2</source>
            <translation>key=value; key2=value2</translation>
        </message>
        <message>
            <source>feature1, feature2</source>
            <translation>feature1, feature2</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Architecture %1 takes no variant</source>
            <translation>架构 %1 没有变体</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <source>Re-import &amp;scheduled images every:</source>
            <translation>重新导入计划镜像的间隔(&amp;S)：</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source>Images scheduled with “stevedore import-image --scheduled --confirm” are imported again when their source changed; the local images are then read again.</source>
            <translation>用“stevedore import-image --scheduled --confirm”计划的镜像在其来源变化时会重新导入；之后重新读取本地镜像。</translation>
        </message>
        <message>
            <source>Pushes running &amp;at once:</source>
            <translation>同时进行的推送数(&amp;A)：</translation>
        </message>
        <message>
            <source>&amp;Retries of a temporary error:</source>
            <translation>临时错误的重试次数(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Notify when a push ends while the window is in the background</source>
            <translation>窗口在后台时，推送结束后发出通知(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::PullSecretDialog</name>
        <message>
            <source>Export as Pull Secret</source>
            <translation>导出为拉取密钥</translation>
        </message>
        <message>
            <source>none (the namespace kubectl applies it to)</source>
            <translation>无（由 kubectl 应用到的命名空间决定）</translation>
        </message>
        <message>
            <source>YAML</source>
            <translation>YAML</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Save…</source>
            <translation>保存(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>Name&amp;space:</source>
            <translation>命名空间(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message numerus="yes">
            <source>Reading %n credential(s)…</source>
            <translation>
                <numerusform>正在读取 %n 个凭据…</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot read the credentials: %1</source>
            <translation>无法读取凭据：%1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Left out (no credentials could be read):</source>
            <translation>已略过（无法读取凭据）：</translation>
        </message>
        <message>
            <source>There are no credentials to export.</source>
            <translation>没有可导出的凭据。</translation>
        </message>
        <message numerus="yes">
            <source>A Secret of type kubernetes.io/dockerconfigjson with %n registry key(s). It holds the passwords: keep it out of version control.</source>
            <translation>
                <numerusform>一个包含 %n 个镜像仓库键的 kubernetes.io/dockerconfigjson 类型 Secret。其中含有密码：请勿提交到版本控制。</numerusform>
            </translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>已复制到剪贴板。</translation>
        </message>
        <message>
            <source>Save Pull Secret</source>
            <translation>保存拉取密钥</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <source>YAML files (*.yaml *.yml)</source>
            <translation>YAML 文件 (*.yaml *.yml)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>There is nothing to save yet.</source>
            <translation>还没有可保存的内容。</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>Saved to %1 (readable by you only).</source>
            <translation>已保存到 %1（仅您本人可读）。</translation>
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
        <message>
            <source>Docker manifest list</source>
            <translation>Docker 清单列表</translation>
        </message>
        <message>
            <source>OCI index</source>
            <translation>OCI 索引</translation>
        </message>
        <message numerus="yes">
            <source>%1, %n image(s)</source>
            <translation>
                <numerusform>%1，%n 个镜像</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1, %n platform(s): %2</source>
            <translation>
                <numerusform>%1，%n 个平台：%2</numerusform>
            </translation>
        </message>
        <message>
            <source>Docker image</source>
            <translation>Docker 镜像</translation>
        </message>
        <message>
            <source>OCI image</source>
            <translation>OCI 镜像</translation>
        </message>
        <message numerus="yes">
            <source>%1, %n layer(s), %2</source>
            <translation>
                <numerusform>%1，%n 个层，%2</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>Choose an OCI layout or dir: folder</source>
            <translation>选择 OCI 布局或 dir: 文件夹</translation>
        </message>
        <message>
            <source>&amp;Local Image</source>
            <translation>本地镜像(&amp;L)</translation>
        </message>
        <message>
            <source>Choose an image of the local store</source>
            <translation>选择本地存储中的镜像</translation>
        </message>
        <message>
            <source>Recent</source>
            <translation>最近</translation>
        </message>
        <message>
            <source>This computer's (%1)</source>
            <translation>本机的（%1）</translation>
        </message>
        <message>
            <source>As the destination prefers</source>
            <translation>按目标的偏好</translation>
        </message>
        <message>
            <source>gzip</source>
            <translation>gzip</translation>
        </message>
        <message>
            <source>zstd</source>
            <translation>zstd</translation>
        </message>
        <message>
            <source>None (uncompressed layers)</source>
            <translation>不压缩（未压缩的层）</translation>
        </message>
        <message>
            <source>Default level</source>
            <translation>默认级别</translation>
        </message>
        <message>
            <source>Keep (convert only when needed)</source>
            <translation>保持（仅在需要时转换）</translation>
        </message>
        <message>
            <source>OCI</source>
            <translation>OCI</translation>
        </message>
        <message>
            <source>Docker v2 schema 2</source>
            <translation>Docker v2 schema 2</translation>
        </message>
        <message>
            <source>the system's (/etc/containers/certs.d)</source>
            <translation>系统的（/etc/containers/certs.d）</translation>
        </message>
        <message>
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <source>where to write the pushed digest (optional)</source>
            <translation>写入推送摘要的位置（可选）</translation>
        </message>
        <message>
            <source>Options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>P&amp;latform:</source>
            <translation>平台(&amp;L)：</translation>
        </message>
        <message>
            <source>&amp;Compression:</source>
            <translation>压缩(&amp;C)：</translation>
        </message>
        <message>
            <source>&amp;Manifest format:</source>
            <translation>清单格式(&amp;M)：</translation>
        </message>
        <message>
            <source>Re&amp;tries:</source>
            <translation>重试次数(&amp;T)：</translation>
        </message>
        <message>
            <source>Certificate &amp;folder:</source>
            <translation>证书文件夹(&amp;F)：</translation>
        </message>
        <message>
            <source>Di&amp;gest file:</source>
            <translation>摘要文件(&amp;G)：</translation>
        </message>
        <message>
            <source>Log in for this push only</source>
            <translation>仅为此次推送登录</translation>
        </message>
        <message>
            <source>Certificate Folder</source>
            <translation>证书文件夹</translation>
        </message>
        <message>
            <source>Digest File</source>
            <translation>摘要文件</translation>
        </message>
        <message>
            <source>A gzip level is 1 to 9.</source>
            <translation>gzip 级别为 1 到 9。</translation>
        </message>
        <message>
            <source>Choose gzip or zstd to set a compression level.</source>
            <translation>请选择 gzip 或 zstd 以设置压缩级别。</translation>
        </message>
        <message>
            <source>The certificate folder %1 does not exist.</source>
            <translation>证书文件夹 %1 不存在。</translation>
        </message>
        <message>
            <source>Reading the source…</source>
            <translation>正在读取源…</translation>
        </message>
        <message>
            <source>Cannot read the source: %1</source>
            <translation>无法读取源：%1</translation>
        </message>
        <message>
            <source>Image Folder</source>
            <translation>镜像文件夹</translation>
        </message>
        <message>
            <source>No local images</source>
            <translation>没有本地镜像</translation>
        </message>
        <message>
            <source>No recent destinations</source>
            <translation>没有最近的目标</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::PushQueueController</name>
        <message>
            <source>Push finished</source>
            <translation>推送完成</translation>
        </message>
        <message>
            <source>%1
%2</source>
            <translation>%1
%2</translation>
        </message>
        <message>
            <source>Push cancelled</source>
            <translation>推送已取消</translation>
        </message>
        <message>
            <source>Push failed</source>
            <translation>推送失败</translation>
        </message>
        <message>
            <source>Quit Stevedore</source>
            <translation>退出 Stevedore</translation>
        </message>
        <message numerus="yes">
            <source>%n push(es) still running</source>
            <translation>
                <numerusform>仍有 %n 个推送在进行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n waiting</source>
            <translation>
                <numerusform>，%n 个在等待</numerusform>
            </translation>
        </message>
        <message>
            <source>Quitting stops them; they come back queued the next time Stevedore starts, and start again from the beginning (what the registry already has is not sent again).</source>
            <translation>退出会停止它们；下次启动 Stevedore 时它们会重新排队，并从头开始（镜像仓库已有的内容不会再次发送）。</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Keep Pushing</source>
            <translation>继续推送(&amp;K)</translation>
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
            <source>%1
Pushed: %2</source>
            <translation>%1
已推送：%2</translation>
        </message>
        <message>
            <source>%1
Failed: %2</source>
            <translation>%1
失败：%2</translation>
        </message>
        <message>
            <source>%1
%2</source>
            <translation>%1
%2</translation>
        </message>
        <message>
            <source>: %1</source>
            <translation>：%1</translation>
        </message>
        <message>
            <source>Copy &amp;Digest</source>
            <translation>复制摘要(&amp;D)</translation>
        </message>
        <message>
            <source>Copy &amp;Error</source>
            <translation>复制错误(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <source>Run the selected push again with the same options and credentials (%1)</source>
            <translation>以相同的选项和凭据重新运行所选推送（%1）</translation>
        </message>
        <message>
            <source>Stop the selected push; the source is untouched (%1)</source>
            <translation>停止所选推送；源不会被改动（%1）</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>移除(&amp;M)</translation>
        </message>
        <message>
            <source>Remove the selected push from the queue (%1)</source>
            <translation>从队列中移除所选推送（%1）</translation>
        </message>
        <message>
            <source>Remove &amp;Finished</source>
            <translation>移除已结束的(&amp;F)</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::RegistryBrowser</name>
        <message>
            <source>Certificate Folder</source>
            <translation>证书文件夹</translation>
        </message>
        <message>
            <source>Copied %1.</source>
            <translation>已复制 %1。</translation>
        </message>
        <message>
            <source>Filter by name</source>
            <translation>按名称筛选</translation>
        </message>
        <message>
            <source>&amp;Add Registry…</source>
            <translation>添加镜像仓库(&amp;A)…</translation>
        </message>
        <message>
            <source>Repository name, e.g. team/app</source>
            <translation>仓库名称，例如 team/app</translation>
        </message>
        <message>
            <source>&amp;Open Repository</source>
            <translation>打开仓库(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Log In…</source>
            <translation>登录(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;Trust Certificate Folder…</source>
            <translation>信任证书文件夹(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Copy Digest</source>
            <translation>复制摘要(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>删除(&amp;D)…</translation>
        </message>
        <message>
            <source>Copy &amp;Manifest</source>
            <translation>复制清单(&amp;M)</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>Manifest</source>
            <translation>清单</translation>
        </message>
        <message>
            <source>Config</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>Entry</source>
            <translation>条目</translation>
        </message>
        <message>
            <source>Digest</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Media type</source>
            <translation>媒体类型</translation>
        </message>
        <message>
            <source>Choose the registry the repository is in first.</source>
            <translation>请先选择仓库所在的镜像仓库。</translation>
        </message>
        <message>
            <source>%1 is now reached with the certificates of %2.</source>
            <translation>现在使用 %2 中的证书访问 %1。</translation>
        </message>
        <message>
            <source>Choose a tag or a platform image to see its details.</source>
            <translation>选择一个标签或平台镜像以查看其详细信息。</translation>
        </message>
        <message>
            <source>Layer %1
%2, %3</source>
            <translation>层 %1
%2，%3</translation>
        </message>
        <message>
            <source>%1
Reading…</source>
            <translation>%1
正在读取…</translation>
        </message>
        <message>
            <source>An index has no config: choose one of its platform images.</source>
            <translation>索引没有配置：请选择其中一个平台镜像。</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Digest: %1</source>
            <translation>摘要：%1</translation>
        </message>
        <message>
            <source>(no platform)</source>
            <translation>（无平台）</translation>
        </message>
        <message numerus="yes">
            <source>%1, %n platform image(s)</source>
            <translation>
                <numerusform>%1，%n 个平台镜像</numerusform>
            </translation>
        </message>
        <message>
            <source>config</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>layer %1</source>
            <translation>层 %1</translation>
        </message>
        <message numerus="yes">
            <source>%1, %n layer(s), %2 in all (compressed)</source>
            <translation>
                <numerusform>%1，%n 个层，共 %2（压缩后）</numerusform>
            </translation>
        </message>
        <message>
            <source>Platform: %1</source>
            <translation>平台：%1</translation>
        </message>
        <message>
            <source>Created: %1</source>
            <translation>创建时间：%1</translation>
        </message>
        <message>
            <source>User: %1</source>
            <translation>用户：%1</translation>
        </message>
        <message>
            <source>Working directory: %1</source>
            <translation>工作目录：%1</translation>
        </message>
        <message>
            <source>Entrypoint: %1</source>
            <translation>入口点：%1</translation>
        </message>
        <message>
            <source>Command: %1</source>
            <translation>命令：%1</translation>
        </message>
        <message>
            <source>Environment:</source>
            <translation>环境变量：</translation>
        </message>
        <message>
            <source>Labels:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <source>History:</source>
            <translation>历史：</translation>
        </message>
        <message>
            <source> (no layer)</source>
            <translation>（无层）</translation>
        </message>
        <message>
            <source>Delete %1 from the registry?

The registry deletes the manifest %2 and every tag that names it. This cannot be undone.</source>
            <translation>从镜像仓库中删除 %1？

镜像仓库将删除清单 %2 以及指向它的所有标签。此操作无法撤销。</translation>
        </message>
        <message>
            <source>it names</source>
            <translation>它指向的清单</translation>
        </message>
        <message>
            <source>Delete Image</source>
            <translation>删除镜像</translation>
        </message>
        <message>
            <source>Deleting %1…</source>
            <translation>正在删除 %1…</translation>
        </message>
        <message>
            <source>%1 in all (compressed, every platform)</source>
            <translation>共 %1（压缩后，所有平台）</translation>
        </message>
        <message>
            <source>Logged in and stored %1 in %2.</source>
            <translation>已登录，并将 %1 保存到 %2。</translation>
        </message>
        <message>
            <source>Stored %1 in %2 (not verified).</source>
            <translation>已将 %1 保存到 %2（未验证）。</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::RemoveRowsCommand</name>
        <message numerus="yes">
            <source>Remove %n row(s)</source>
            <translation>
                <numerusform>删除 %n 行</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::SandboxController</name>
        <message>
            <source>The sandbox registry did not start: %1</source>
            <translation>沙盒仓库未能启动：%1</translation>
        </message>
        <message>
            <source>The sandbox registry is stopped; what it holds is kept for the next start.</source>
            <translation>沙盒仓库已停止；其中的内容会保留到下次启动。</translation>
        </message>
        <message>
            <source>Starting the sandbox registry…</source>
            <translation>正在启动沙盒仓库…</translation>
        </message>
        <message>
            <source>Sandbox registry running at %1: drop an image on it in the registry browser, or push the sample image to it.</source>
            <translation>沙盒仓库正在 %1 运行：在仓库浏览器中把镜像拖放到它上面，或把示例镜像推送到它。</translation>
        </message>
        <message>
            <source>Stop &amp;Sandbox Registry</source>
            <translation>停止沙盒仓库(&amp;S)</translation>
        </message>
        <message>
            <source>Start &amp;Sandbox Registry</source>
            <translation>启动沙盒仓库(&amp;S)</translation>
        </message>
        <message>
            <source>Stop the sandbox registry at %1 (what it holds is kept)</source>
            <translation>停止 %1 上的沙盒仓库（其中的内容会保留）</translation>
        </message>
        <message>
            <source>Start a registry of your own on this computer, with a sample image to push</source>
            <translation>在本机启动一个属于你自己的仓库，并附带一个可推送的示例镜像</translation>
        </message>
        <message>
            <source>No registry yet — start a sandbox registry</source>
            <translation>还没有仓库 — 启动沙盒仓库</translation>
        </message>
    </context>
</TS>
