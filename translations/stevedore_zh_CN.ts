<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>stevedore::CopyJob</name>
        <message>
            <source>Copy %1 to %2</source>
            <translation>将 %1 复制到 %2</translation>
        </message>
    </context>
    <context>
        <name>stevedore::EngineText</name>
        <message>
            <source>the operation was cancelled</source>
            <translation>操作已取消</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>cannot create a temporary file in %1: %2</source>
            <translation>无法在 %1 中创建临时文件：%2</translation>
        </message>
        <message>
            <source>cannot set the mode of %1: %2</source>
            <translation>无法设置 %1 的权限模式：%2</translation>
        </message>
        <message>
            <source>cannot write %1 to disk: %2</source>
            <translation>无法将 %1 写入磁盘：%2</translation>
        </message>
        <message>
            <source>cannot move %1 into place as %2: %3</source>
            <translation>无法将 %1 移动到最终位置 %2：%3</translation>
        </message>
        <message>
            <source>%1 does not exist</source>
            <translation>%1 不存在</translation>
        </message>
        <message>
            <source>cannot read %1: %2</source>
            <translation>无法读取 %1：%2</translation>
        </message>
        <message>
            <source>%1 is a folder, not a file</source>
            <translation>%1 是文件夹，而不是文件</translation>
        </message>
        <message>
            <source>%1 is not a regular file (a pipe, socket or device); refused</source>
            <translation>%1 不是普通文件（而是管道、套接字或设备）；已拒绝</translation>
        </message>
        <message>
            <source>%1 is %2 bytes, more than the limit of %3</source>
            <translation>%1 为 %2 字节，超过了 %3 的上限</translation>
        </message>
        <message>
            <source>%1 is larger than the limit of %2 bytes</source>
            <translation>%1 超过了 %2 字节的上限</translation>
        </message>
        <message>
            <source>cannot create %1</source>
            <translation>无法创建 %1</translation>
        </message>
        <message>
            <source>write after commit to %1</source>
            <translation>提交到 %1 之后又有写入</translation>
        </message>
        <message>
            <source>cannot read back %1: %2</source>
            <translation>无法读回 %1：%2</translation>
        </message>
        <message>
            <source>%1 was committed twice</source>
            <translation>%1 被提交了两次</translation>
        </message>
        <message>
            <source>cannot create the folder of %1</source>
            <translation>无法创建 %1 所在的文件夹</translation>
        </message>
        <message>
            <source>invalid digest "%1": expected algorithm:hex</source>
            <translation>无效的摘要“%1”：应为 algorithm:hex 格式</translation>
        </message>
        <message>
            <source>unsupported digest algorithm "%1"</source>
            <translation>不支持的摘要算法“%1”</translation>
        </message>
        <message>
            <source>invalid digest "%1": %2 needs %3 hex characters</source>
            <translation>无效的摘要 "%1"：%2 需要 %3 个十六进制字符</translation>
        </message>
        <message>
            <source>invalid digest "%1": only lowercase hex is allowed</source>
            <translation>无效的摘要“%1”：只允许小写十六进制</translation>
        </message>
        <message>
            <source>invalid reference "%1": %2</source>
            <translation>无效的引用“%1”：%2</translation>
        </message>
        <message>
            <source>the reference is empty</source>
            <translation>引用为空</translation>
        </message>
        <message>
            <source>the reference is too long</source>
            <translation>引用过长</translation>
        </message>
        <message>
            <source>it contains whitespace or non-ASCII characters</source>
            <translation>其中包含空白字符或非 ASCII 字符</translation>
        </message>
        <message>
            <source>a reference cannot carry credentials (user:password@); use --creds or an auth file</source>
            <translation>引用不能携带凭据（user:password@）；请使用 --creds 或认证文件</translation>
        </message>
        <message>
            <source>"%1" is not a valid tag</source>
            <translation>“%1”不是有效的标签</translation>
        </message>
        <message>
            <source>the repository name is empty</source>
            <translation>仓库名称为空</translation>
        </message>
        <message>
            <source>"%1" is not a valid registry host</source>
            <translation>"%1" 不是有效的镜像仓库主机</translation>
        </message>
        <message>
            <source>port %1 is out of range (1-65535)</source>
            <translation>端口 %1 超出范围（1-65535）</translation>
        </message>
        <message>
            <source>repository name must be lowercase</source>
            <translation>仓库名称必须为小写</translation>
        </message>
        <message>
            <source>a 64-character hexadecimal string is an image ID, not a repository name</source>
            <translation>64 个字符的十六进制字符串是镜像 ID，而不是仓库名称</translation>
        </message>
        <message>
            <source>"%1" is not a valid repository name</source>
            <translation>“%1”不是有效的仓库名称</translation>
        </message>
        <message>
            <source>the repository name is longer than %1 characters</source>
            <translation>仓库名称超过了 %1 个字符</translation>
        </message>
        <message>
            <source>invalid platform "%1": expected os/arch[/variant]</source>
            <translation>无效的平台“%1”：应为 os/arch[/variant] 格式</translation>
        </message>
        <message>
            <source>descriptor without mediaType</source>
            <translation>描述符缺少 mediaType</translation>
        </message>
        <message>
            <source>descriptor with %1</source>
            <translation>带有 %1 的描述符</translation>
        </message>
        <message>
            <source>descriptor %1 without a valid size</source>
            <translation>描述符 %1 没有有效的大小</translation>
        </message>
        <message>
            <source>%1 is %2 bytes, over the limit of %3</source>
            <translation>%1 大小为 %2 字节，超过了 %3 的上限</translation>
        </message>
        <message>
            <source>%1 is not valid JSON: %2 at offset %3</source>
            <translation>%1 不是有效的 JSON：%2，位于偏移量 %3</translation>
        </message>
        <message>
            <source>%1 is not a JSON object</source>
            <translation>%1 不是 JSON 对象</translation>
        </message>
        <message>
            <source>manifest</source>
            <translation>清单</translation>
        </message>
        <message>
            <source>cannot tell what kind of manifest this is</source>
            <translation>无法判断这是哪种清单</translation>
        </message>
        <message>
            <source>Docker schema 1 manifests are not supported yet</source>
            <translation>尚不支持 Docker schema 1 清单</translation>
        </message>
        <message>
            <source>"%1" is not an image manifest type</source>
            <translation>“%1”不是镜像清单类型</translation>
        </message>
        <message>
            <source>manifest schemaVersion is not 2</source>
            <translation>清单的 schemaVersion 不是 2</translation>
        </message>
        <message>
            <source>manifest declares media type %1 but was served as %2</source>
            <translation>清单声明的媒体类型为 %1，但实际以 %2 提供</translation>
        </message>
        <message>
            <source>manifest has no config descriptor</source>
            <translation>清单没有配置描述符</translation>
        </message>
        <message>
            <source>manifest config</source>
            <translation>清单配置</translation>
        </message>
        <message>
            <source>manifest has no layers array</source>
            <translation>清单没有 layers 数组</translation>
        </message>
        <message>
            <source>manifest layer %1</source>
            <translation>清单层 %1</translation>
        </message>
        <message>
            <source>manifest subject</source>
            <translation>清单主体</translation>
        </message>
        <message>
            <source>"%1" is not an index type</source>
            <translation>“%1”不是索引类型</translation>
        </message>
        <message>
            <source>index</source>
            <translation>索引</translation>
        </message>
        <message>
            <source>index schemaVersion is not 2</source>
            <translation>索引的 schemaVersion 不是 2</translation>
        </message>
        <message>
            <source>index has no manifests array</source>
            <translation>索引没有 manifests 数组</translation>
        </message>
        <message>
            <source>index entry %1</source>
            <translation>索引条目 %1</translation>
        </message>
        <message>
            <source>image config</source>
            <translation>镜像配置</translation>
        </message>
        <message>
            <source>image config diff_ids</source>
            <translation>镜像配置 diff_ids</translation>
        </message>
        <message>
            <source>a %1 layer cannot be described in a %2 manifest</source>
            <translation>%2 清单中无法描述 %1 层</translation>
        </message>
        <message>
            <source>zstd-compressed layers cannot be written in a Docker v2s2 manifest; use --format oci</source>
            <translation>Docker v2s2 清单中无法写入 zstd 压缩的层；请使用 --format oci</translation>
        </message>
        <message>
            <source>the destination does not store %1 manifests</source>
            <translation>目标不存储 %1 清单</translation>
        </message>
        <message>
            <source>manifests of type %1 cannot be copied</source>
            <translation>类型为 %1 的清单无法复制</translation>
        </message>
        <message>
            <source>the destination stores no manifest type this image can be written in</source>
            <translation>目标不支持可写入此镜像的任何清单类型</translation>
        </message>
        <message>
            <source>layer count changed while rewriting a manifest</source>
            <translation>重写清单时层数发生了变化</translation>
        </message>
        <message>
            <source>an artifact manifest (with an artifactType or a subject) cannot be converted to Docker v2s2</source>
            <translation>制品清单（带有 artifactType 或 subject）无法转换为 Docker v2s2</translation>
        </message>
        <message>
            <source>a manifest whose config is a %1 cannot be converted to Docker v2s2</source>
            <translation>配置为 %1 的清单无法转换为 Docker v2s2</translation>
        </message>
        <message>
            <source>%1 is not an image manifest</source>
            <translation>%1 不是镜像清单</translation>
        </message>
        <message>
            <source>%1 is not an index</source>
            <translation>%1 不是索引</translation>
        </message>
        <message>
            <source>%1 has no image for platform %2 (available: %3); %4</source>
            <translation>%1 中没有平台 %2 的镜像（可用：%3）；%4</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>unknown operating system "%1": valid values are %2</source>
            <translation>未知的操作系统“%1”：有效值为 %2</translation>
        </message>
        <message>
            <source>unknown architecture "%1": valid values are %2</source>
            <translation>未知架构“%1”：有效值为 %2</translation>
        </message>
        <message>
            <source>variant "%1" given for architecture "%2", which has no variants (variants exist for arm, arm64 and amd64)</source>
            <translation>为架构“%2”指定了变体“%1”，但该架构没有变体（arm、arm64 和 amd64 才有变体）</translation>
        </message>
        <message>
            <source>unknown variant "%1" for architecture "%2": valid values are %3</source>
            <translation>架构“%2”的变体“%1”未知：有效值为 %3</translation>
        </message>
        <message>
            <source>invalid os.features value "%1"</source>
            <translation>无效的 os.features 值 "%1"</translation>
        </message>
        <message>
            <source>more than %1 bytes; refused</source>
            <translation>超过 %1 字节；已拒绝</translation>
        </message>
        <message>
            <source>blob %1: %2 bytes were written, expected %3</source>
            <translation>blob %1：写入了 %2 字节，应为 %3</translation>
        </message>
        <message>
            <source>blob %1 does not match its digest: its content has digest %2</source>
            <translation>blob %1 与其摘要不符：其内容的摘要为 %2</translation>
        </message>
        <message>
            <source>%1 is missing</source>
            <translation>缺少 %1</translation>
        </message>
        <message>
            <source>%1 (%2) is not a regular file; refused</source>
            <translation>%1（%2）不是普通文件；已拒绝</translation>
        </message>
        <message>
            <source>%1 is %2 bytes, expected %3</source>
            <translation>%1 为 %2 字节，应为 %3</translation>
        </message>
        <message>
            <source>invalid auth file %1: %2</source>
            <translation>无效的认证文件 %1：%2</translation>
        </message>
        <message>
            <source>the "auth" value of key %1 is not valid base64</source>
            <translation>键 %1 的 "auth" 值不是有效的 base64</translation>
        </message>
        <message>
            <source>the "auth" value of key %1 does not decode to user:password</source>
            <translation>键 %1 的 "auth" 值解码后不是 user:password 形式</translation>
        </message>
        <message>
            <source>the entry for key %1 is not an object</source>
            <translation>键 %1 的条目不是对象</translation>
        </message>
        <message>
            <source>line %1, column %2</source>
            <translation>第 %1 行，第 %2 列</translation>
        </message>
        <message>
            <source>not valid JSON at %1: %2</source>
            <translation>%1 处不是有效的 JSON：%2</translation>
        </message>
        <message>
            <source>the top level is not a JSON object</source>
            <translation>顶层不是 JSON 对象</translation>
        </message>
        <message>
            <source>"auths" is not an object</source>
            <translation>"auths" 不是对象</translation>
        </message>
        <message>
            <source>"credHelpers" is not an object</source>
            <translation>"credHelpers" 不是对象</translation>
        </message>
        <message>
            <source>"credsStore" is not a string</source>
            <translation>"credsStore" 不是字符串</translation>
        </message>
        <message>
            <source>%1 is a legacy .dockercfg file: Stevedore reads it but never writes it</source>
            <translation>%1 是旧式 .dockercfg 文件：Stevedore 会读取它，但绝不会写入</translation>
        </message>
        <message>
            <source>cannot create the folder %1</source>
            <translation>无法创建文件夹 %1</translation>
        </message>
        <message>
            <source>cannot make the folder %1 private: %2</source>
            <translation>无法将文件夹 %1 设为私有：%2</translation>
        </message>
        <message>
            <source>credential helper %1 was not found in PATH</source>
            <translation>在 PATH 中找不到凭据助手 %1</translation>
        </message>
        <message>
            <source>credential helper %1 could not be started: %2</source>
            <translation>无法启动凭据助手 %1：%2</translation>
        </message>
        <message>
            <source>credential helper %1 (%2) did not answer within %3 s</source>
            <translation>凭据助手 %1（%2）未在 %3 秒内应答</translation>
        </message>
        <message>
            <source>credential helper %1 wrote more than %2 bytes; refused</source>
            <translation>凭据助手 %1 写入了超过 %2 字节的数据；已拒绝</translation>
        </message>
        <message>
            <source>credential helper %1 (%2) crashed</source>
            <translation>凭据助手 %1（%2）崩溃</translation>
        </message>
        <message>
            <source>credential helper %1 failed to %2 the credentials for %3 (exit code %4)</source>
            <translation>凭据助手 %1 对 %3 的凭据执行 %2 操作失败（退出码 %4）</translation>
        </message>
        <message>
            <source>credential helper %1 returned something that is not a JSON object for %2</source>
            <translation>凭据助手 %1 为 %2 返回的内容不是 JSON 对象</translation>
        </message>
        <message>
            <source>credential helper %1 failed to list its credentials (exit code %2)</source>
            <translation>凭据助手 %1 列出其凭据失败（退出码 %2）</translation>
        </message>
        <message>
            <source>credential helper %1 listed something that is not a JSON object</source>
            <translation>凭据助手 %1 列出了非 JSON 对象的内容</translation>
        </message>
        <message>
            <source>docker-credential-%1 (%2 in %3)</source>
            <translation>docker-credential-%1（%3 中的 %2）</translation>
        </message>
        <message>
            <source>--creds: the credentials are empty</source>
            <translation>--creds：凭据为空</translation>
        </message>
        <message>
            <source>--creds: the user name is empty (expected user[:password])</source>
            <translation>--creds：用户名为空（应为 user[:password]）</translation>
        </message>
        <message>
            <source>%1 in %2</source>
            <translation>%2 中的 %1</translation>
        </message>
        <message>
            <source>credHelpers in %1 (names a helper for %2)</source>
            <translation>%1 中的 credHelpers（为 %2 指定了助手）</translation>
        </message>
        <message>
            <source>its key does not cover %1 (it serves %2 and what is under it)</source>
            <translation>其密钥不涵盖 %1（它服务于 %2 及其下的内容）</translation>
        </message>
        <message>
            <source>the source gave no credentials for it when asked</source>
            <translation>询问时，源未提供其凭据</translation>
        </message>
        <message>
            <source>%1 comes earlier in the search order</source>
            <translation>%1 在搜索顺序中更靠前</translation>
        </message>
        <message>
            <source>%1 names a credential helper for %2 (credHelpers), used instead</source>
            <translation>%1 为 %2 指定了凭据助手（credHelpers），将改用该助手</translation>
        </message>
        <message>
            <source>another spelling of the same key, %1, comes first</source>
            <translation>同一键的另一种写法 %1 出现在前面</translation>
        </message>
        <message>
            <source>the entries under "auths" are tried before the credsStore helper</source>
            <translation>“auths”下的条目会先于 credsStore 助手尝试</translation>
        </message>
        <message>
            <source>less specific than %1</source>
            <translation>不如 %1 具体</translation>
        </message>
        <message>
            <source>Image: %1</source>
            <translation>镜像：%1</translation>
        </message>
        <message>
            <source>Keys tried, most specific first: %1</source>
            <translation>已尝试的键（从最具体的开始）：%1</translation>
        </message>
        <message>
            <source>an identity token</source>
            <translation>身份令牌</translation>
        </message>
        <message>
            <source>user %1</source>
            <translation>用户 %1</translation>
        </message>
        <message>
            <source>Uses: %1 (%2) from %3</source>
            <translation>使用：来自 %3 的 %1（%2）</translation>
        </message>
        <message>
            <source>Uses: no credentials (anonymous access): no entry matches</source>
            <translation>使用：无凭据（匿名访问）：没有匹配的条目</translation>
        </message>
        <message>
            <source>Not used:</source>
            <translation>未使用：</translation>
        </message>
        <message>
            <source>%1 (%2) from %3: %4</source>
            <translation>来自 %3 的 %1（%2）：%4</translation>
        </message>
        <message>
            <source>"%1" is not a registry key (REGISTRY[/NAMESPACE[/REPO]])</source>
            <translation>“%1”不是镜像仓库键（REGISTRY[/NAMESPACE[/REPO]]）</translation>
        </message>
        <message>
            <source>%1 is only in the legacy file %2, which Stevedore never writes: remove it there</source>
            <translation>%1 仅存在于旧版文件 %2 中，Stevedore 从不写入该文件：请在那里将其删除</translation>
        </message>
        <message>
            <source>not logged in to %1 (no entry in %2)</source>
            <translation>未登录到 %1（%2 中没有条目）</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>document %1</source>
            <translation>文档 %1</translation>
        </message>
        <message>
            <source>%1, item %2</source>
            <translation>%1，第 %2 项</translation>
        </message>
        <message>
            <source>%1, Secret "%2"</source>
            <translation>%1，Secret "%2"</translation>
        </message>
        <message>
            <source>%1, line %2</source>
            <translation>%1，第 %2 行</translation>
        </message>
        <message>
            <source>%1 (%2): %3</source>
            <translation>%1（%2）：%3</translation>
        </message>
        <message>
            <source>%1: not valid YAML: nested more than %2 levels deep</source>
            <translation>%1：不是有效的 YAML：嵌套超过 %2 层</translation>
        </message>
        <message>
            <source>%1: not valid JSON at %2: %3</source>
            <translation>%1：在 %2 处不是有效的 JSON：%3</translation>
        </message>
        <message>
            <source>%1: not valid YAML at line %2, column %3: %4</source>
            <translation>%1：第 %2 行第 %3 列不是有效的 YAML：%4</translation>
        </message>
        <message>
            <source>%1 has a key that is not a string</source>
            <translation>%1 中有一个键不是字符串</translation>
        </message>
        <message>
            <source>%1 has the key "%2" twice</source>
            <translation>%1 中的键 "%2" 出现了两次</translation>
        </message>
        <message>
            <source>%1.%2 is not a string</source>
            <translation>%1.%2 不是字符串</translation>
        </message>
        <message>
            <source>%1 is not a mapping</source>
            <translation>%1 不是映射</translation>
        </message>
        <message>
            <source>%1 has an entry with an empty registry key</source>
            <translation>%1 中有一项的镜像仓库键为空</translation>
        </message>
        <message>
            <source>the entry for %1 in %2 is not an object</source>
            <translation>%2 中 %1 的条目不是对象</translation>
        </message>
        <message>
            <source>the "%1" of %2 in %3 is not a string</source>
            <translation>%3 中 %2 的 "%1" 不是字符串</translation>
        </message>
        <message>
            <source>the "auth" of %1 in %2 is not valid base64</source>
            <translation>%2 中 %1 的 "auth" 不是有效的 base64</translation>
        </message>
        <message>
            <source>the "auth" of %1 in %2 does not decode to user:password</source>
            <translation>%2 中 %1 的“auth”解码后不是 user:password 格式</translation>
        </message>
        <message>
            <source>the entry for %1 in %2 holds no credentials</source>
            <translation>%2 中 %1 的条目不含凭据</translation>
        </message>
        <message>
            <source>the Secret</source>
            <translation>该 Secret</translation>
        </message>
        <message>
            <source>apiVersion "%1" is not v1</source>
            <translation>apiVersion "%1" 不是 v1</translation>
        </message>
        <message>
            <source>a Secret without a type (Opaque), not %1 or %2</source>
            <translation>无类型（Opaque）的 Secret，而不是 %1 或 %2</translation>
        </message>
        <message>
            <source>a Secret of type %1, not %2 or %3</source>
            <translation>类型为 %1 的 Secret，而不是 %2 或 %3</translation>
        </message>
        <message>
            <source>%1 is not a string</source>
            <translation>%1 不是字符串</translation>
        </message>
        <message>
            <source>%1 is not valid base64</source>
            <translation>%1 不是有效的 base64</translation>
        </message>
        <message>
            <source>a %1 Secret without the key %2 in data or stringData</source>
            <translation>一个 data 或 stringData 中缺少键 %2 的 %1 Secret</translation>
        </message>
        <message>
            <source>%1 is empty</source>
            <translation>%1 为空</translation>
        </message>
        <message>
            <source>%1 is not valid JSON (at %2 of the decoded value: %3)</source>
            <translation>%1 不是有效的 JSON（在解码值的 %2 处：%3）</translation>
        </message>
        <message>
            <source>%1 has no "auths" object</source>
            <translation>%1 没有 "auths" 对象</translation>
        </message>
        <message>
            <source>%1 holds no registry credentials</source>
            <translation>%1 中没有镜像仓库凭据</translation>
        </message>
        <message>
            <source>not a Kubernetes object (a mapping with apiVersion and kind)</source>
            <translation>不是 Kubernetes 对象（应为包含 apiVersion 和 kind 的映射）</translation>
        </message>
        <message>
            <source>the document</source>
            <translation>该文档</translation>
        </message>
        <message>
            <source>the items of the %1 are not a list</source>
            <translation>%1 的 items 不是列表</translation>
        </message>
        <message>
            <source>not a Kubernetes object</source>
            <translation>不是 Kubernetes 对象</translation>
        </message>
        <message>
            <source>the item</source>
            <translation>该项</translation>
        </message>
        <message>
            <source>a %1, not a Secret</source>
            <translation>是 %1，而不是 Secret</translation>
        </message>
        <message>
            <source>an object without a kind, not a Secret</source>
            <translation>没有 kind 的对象，不是 Secret</translation>
        </message>
        <message>
            <source>an object without a kind (expected Secret or List)</source>
            <translation>没有 kind 的对象（应为 Secret 或 List）</translation>
        </message>
        <message>
            <source>"%1" is not a valid Secret name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)</source>
            <translation>“%1”不是有效的 Secret 名称（只能包含小写字母、数字、“-”和“.”，须以字母或数字开头和结尾，最多 253 个字符）</translation>
        </message>
        <message>
            <source>"%1" is not a valid namespace (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)</source>
            <translation>“%1”不是有效的命名空间（只能包含小写字母、数字和 '-'，须以字母或数字开头和结尾，最多 63 个字符）</translation>
        </message>
        <message>
            <source>a pull secret needs at least one credential</source>
            <translation>拉取密钥至少需要一个凭据</translation>
        </message>
        <message>
            <source>a credential has an empty registry key</source>
            <translation>某个凭据的镜像仓库键为空</translation>
        </message>
        <message>
            <source>the entry for %1 holds no credentials (a credential helper's marker?)</source>
            <translation>%1 的条目不含凭据（是凭据助手的标记？）</translation>
        </message>
        <message>
            <source>cannot write the Secret as YAML: %1</source>
            <translation>无法将 Secret 写为 YAML：%1</translation>
        </message>
        <message>
            <source>cannot write the Secret as YAML</source>
            <translation>无法将 Secret 写为 YAML</translation>
        </message>
        <message>
            <source>%1: no Secret of type %2 or %3 in it</source>
            <translation>%1：其中没有类型为 %2 或 %3 的 Secret</translation>
        </message>
        <message>
            <source>%1: cannot read it as YAML (line %2, column %3)</source>
            <translation>%1：无法将其作为 YAML 读取（第 %2 行，第 %3 列）</translation>
        </message>
        <message>
            <source>%1: cannot read it as YAML</source>
            <translation>%1：无法作为 YAML 读取</translation>
        </message>
        <message>
            <source>%1: a blocking network call on the GUI thread was refused</source>
            <translation>%1：已拒绝在 GUI 线程上进行阻塞式网络调用</translation>
        </message>
        <message>
            <source>%1: %2 is not an http or https URL; refused</source>
            <translation>%1：%2 不是 http 或 https URL；已拒绝</translation>
        </message>
        <message>
            <source>%1: cancelled, the engine is shutting down</source>
            <translation>%1：已取消，引擎正在关闭</translation>
        </message>
        <message>
            <source>%1: the answer is larger than %2 bytes; refused</source>
            <translation>%1：响应大于 %2 字节；已拒绝</translation>
        </message>
        <message>
            <source>%1: the download broke off: %2</source>
            <translation>%1：下载中断：%2</translation>
        </message>
        <message>
            <source>%1: the answer broke off: %2</source>
            <translation>%1：应答中断：%2</translation>
        </message>
        <message>
            <source>%1: the TLS certificate of %2 is not trusted: %3</source>
            <translation>%1：%2 的 TLS 证书不受信任：%3</translation>
        </message>
        <message>
            <source>%1: %2 does not speak TLS (%3)</source>
            <translation>%1：%2 不支持 TLS（%3）</translation>
        </message>
        <message>
            <source>%1: the TLS handshake with %2 failed: %3</source>
            <translation>%1：与 %2 的 TLS 握手失败：%3</translation>
        </message>
        <message>
            <source>%1: cannot reach %2: connection refused</source>
            <translation>%1：无法连接到 %2：连接被拒绝</translation>
        </message>
        <message>
            <source>%1: cannot reach %2: host not found</source>
            <translation>%1：无法连接 %2：找不到主机</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>%1: the connection to %2 failed: %3</source>
            <translation>%1：与 %2 的连接失败：%3</translation>
        </message>
        <message>
            <source>%1: no data moved to or from %2 for %3 s</source>
            <translation>%1：与 %2 之间已有 %3 秒没有数据传输</translation>
        </message>
        <message>
            <source>a redirect</source>
            <translation>重定向</translation>
        </message>
        <message>
            <source>an upload location</source>
            <translation>上传地址</translation>
        </message>
        <message>
            <source>a next-page link</source>
            <translation>下一页链接</translation>
        </message>
        <message>
            <source>a token realm</source>
            <translation>令牌 realm</translation>
        </message>
        <message>
            <source>a layer URL</source>
            <translation>层 URL</translation>
        </message>
        <message>
            <source>registry %1 sent %2 that is not a valid URL</source>
            <translation>镜像仓库 %1 发送的 %2 不是有效的 URL</translation>
        </message>
        <message>
            <source>registry %1 sent %2 to %3; only http and https URLs are followed, refused</source>
            <translation>镜像仓库 %1 发送了指向 %3 的 %2；只跟随 http 和 https URL，已拒绝</translation>
        </message>
        <message>
            <source>registry %1 sent %2 without a host (%3); refused</source>
            <translation>镜像仓库 %1 发送的%2没有主机名（%3）；已拒绝</translation>
        </message>
        <message>
            <source>registry %1 is reached over https but sent %2 to plain http (%3); refused, the request would travel unencrypted</source>
            <translation>镜像仓库 %1 通过 https 访问，却发送了指向明文 http 的 %2（%3）；已拒绝，否则请求将以未加密方式传输</translation>
        </message>
        <message>
            <source>authentication required</source>
            <translation>需要认证</translation>
        </message>
        <message>
            <source>access denied</source>
            <translation>访问被拒绝</translation>
        </message>
        <message>
            <source>not found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <source>too many requests</source>
            <translation>请求过多</translation>
        </message>
        <message>
            <source>unexpected answer</source>
            <translation>意外的响应</translation>
        </message>
        <message>
            <source>%1: %2 (HTTP %3)</source>
            <translation>%1：%2（HTTP %3）</translation>
        </message>
        <message>
            <source>certificate directory %1 does not exist</source>
            <translation>证书目录 %1 不存在</translation>
        </message>
        <message>
            <source>%1 holds no PEM certificate</source>
            <translation>%1 中没有 PEM 证书</translation>
        </message>
        <message>
            <source>client certificate %1 has no readable key %2</source>
            <translation>客户端证书 %1 没有可读的密钥 %2</translation>
        </message>
        <message>
            <source>cannot read the private key %1</source>
            <translation>无法读取私钥 %1</translation>
        </message>
        <message>
            <source>key %1 has no matching client certificate %2</source>
            <translation>密钥 %1 没有匹配的客户端证书 %2</translation>
        </message>
        <message>
            <source> — check --creds or the auth file</source>
            <translation> — 请检查 --creds 或认证文件</translation>
        </message>
        <message>
            <source>%1 %2/%3</source>
            <translation>%1 %2/%3</translation>
        </message>
        <message>
            <source>; a plain-http registry needs --tls-verify=false</source>
            <translation>；纯 http 镜像仓库需要 --tls-verify=false</translation>
        </message>
        <message>
            <source> (give the registry's CA with --cert-dir, or use --tls-verify=false for a registry you trust)</source>
            <translation> （请用 --cert-dir 指定该镜像仓库的 CA，或对你信任的镜像仓库使用 --tls-verify=false）</translation>
        </message>
        <message>
            <source> (the registry may require a client certificate: put NAME.cert and NAME.key into --cert-dir)</source>
            <translation> （镜像仓库可能要求客户端证书：请将 NAME.cert 和 NAME.key 放入 --cert-dir）</translation>
        </message>
        <message>
            <source>registry %1: %2</source>
            <translation>镜像仓库 %1：%2</translation>
        </message>
        <message>
            <source>contacting registry %1 over %2</source>
            <translation>正在通过 %2 连接镜像仓库 %1</translation>
        </message>
        <message>
            <source>registry %1 is reachable neither over https (%2) nor over http (%3)</source>
            <translation>镜像仓库 %1 既无法通过 https 访问（%2），也无法通过 http 访问（%3）</translation>
        </message>
        <message>
            <source>%1 does not answer like a container registry (HTTP %2 for /v2/)</source>
            <translation>%1 的响应不像容器镜像仓库（/v2/ 返回 HTTP %2）</translation>
        </message>
        <message>
            <source>no scheme to try</source>
            <translation>没有可尝试的协议</translation>
        </message>
        <message>
            <source>%1 redirected without a Location</source>
            <translation>%1 进行了重定向，但没有提供 Location</translation>
        </message>
        <message>
            <source>%1: more than %2 redirects</source>
            <translation>%1：重定向次数超过 %2 次</translation>
        </message>
        <message>
            <source>registry %1 sent a Bearer challenge without a valid realm</source>
            <translation>镜像仓库 %1 发送的 Bearer 质询中没有有效的 realm</translation>
        </message>
        <message>
            <source>getting a token from %1 for %2</source>
            <translation>正在从 %1 获取 %2 的令牌</translation>
        </message>
        <message>
            <source>the token realm %1 of registry %2 is not https; refusing to send the identity token there</source>
            <translation>镜像仓库 %2 的令牌域 %1 不是 https；拒绝向其发送身份令牌</translation>
        </message>
        <message>
            <source>the token realm %1 of registry %2 is not https; refusing to send credentials there (use --tls-verify=false only for a registry you trust)</source>
            <translation>镜像仓库 %2 的令牌 realm %1 不是 https；拒绝向其发送凭据（仅对你信任的镜像仓库使用 --tls-verify=false）</translation>
        </message>
        <message>
            <source>token server %1 refused %2</source>
            <translation>令牌服务器 %1 拒绝了 %2</translation>
        </message>
        <message>
            <source>authentication to %1 failed at token server %2: check the user name and password (HTTP %3)</source>
            <translation>在令牌服务器 %2 上向 %1 认证失败：请检查用户名和密码（HTTP %3）</translation>
        </message>
        <message>
            <source>token server %1 answered with something that is not a JSON object</source>
            <translation>令牌服务器 %1 的响应不是 JSON 对象</translation>
        </message>
        <message>
            <source>token server %1 answered without a token</source>
            <translation>令牌服务器 %1 的响应中没有令牌</translation>
        </message>
        <message>
            <source>%1: the download ended after %2 of %3 bytes</source>
            <translation>%1：下载在 %2/%3 字节处中断</translation>
        </message>
        <message>
            <source>%1: the registry sent more than the %2 bytes it announced</source>
            <translation>%1：镜像仓库发送的数据超过了其声明的 %2 字节</translation>
        </message>
        <message>
            <source>checking blob %1 in</source>
            <translation>正在检查 blob %1，位于</translation>
        </message>
        <message>
            <source>blob %1 of</source>
            <translation>blob %1，属于</translation>
        </message>
        <message>
            <source>getting %1</source>
            <translation>正在获取 %1</translation>
        </message>
        <message>
            <source>%1 does not exist (HTTP 404)</source>
            <translation>%1 不存在（HTTP 404）</translation>
        </message>
        <message>
            <source>getting a layer from %1</source>
            <translation>从 %1 获取层</translation>
        </message>
        <message>
            <source>mounting blob %1 from %2 into</source>
            <translation>将 blob %1 从 %2 挂载到</translation>
        </message>
        <message>
            <source>registry %1 opened an upload without a Location</source>
            <translation>镜像仓库 %1 开启了上传，但没有提供 Location</translation>
        </message>
        <message>
            <source>blob %1: %2 bytes were uploaded but %3 were expected</source>
            <translation>blob %1：已上传 %2 字节，但预期为 %3 字节</translation>
        </message>
        <message>
            <source>completing the upload of %1 to</source>
            <translation>完成 %1 上传至</translation>
        </message>
        <message>
            <source>%1: the registry stored the blob as %2 instead</source>
            <translation>%1：镜像仓库实际将该 blob 存储为 %2</translation>
        </message>
        <message>
            <source>uploading bytes %1-%2 to</source>
            <translation>上传字节 %1-%2 至</translation>
        </message>
        <message>
            <source>; the upload session is lost, the blob has to be uploaded again</source>
            <translation>; 上传会话已丢失，blob 必须重新上传</translation>
        </message>
        <message>
            <source>starting an upload to</source>
            <translation>正在开始上传到</translation>
        </message>
        <message>
            <source>asking how far an upload got at</source>
            <translation>查询上传进度于</translation>
        </message>
        <message>
            <source>%1: the upload status has no usable Range (%2)</source>
            <translation>%1：上传状态中没有可用的 Range（%2）</translation>
        </message>
        <message>
            <source>cancelling an upload to</source>
            <translation>取消上传至</translation>
        </message>
        <message>
            <source>invalid tag %1</source>
            <translation>无效的标签 %1</translation>
        </message>
        <message>
            <source>manifest %1 of</source>
            <translation>第 %1 个清单，属于</translation>
        </message>
        <message>
            <source>%1: the registry sent bytes with digest %2, expected %3</source>
            <translation>%1：镜像仓库发送的字节摘要为 %2，应为 %3</translation>
        </message>
        <message>
            <source>the manifest is larger than 4 MiB; refused</source>
            <translation>清单大于 4 MiB；已拒绝</translation>
        </message>
        <message>
            <source>putting manifest %1 to</source>
            <translation>上传清单 %1 至</translation>
        </message>
        <message>
            <source>%1: the registry says it stored %2, but the manifest sent has digest %3</source>
            <translation>%1：镜像仓库称其存储了 %2，但发送的清单摘要为 %3</translation>
        </message>
        <message>
            <source>%1: the answer is not a JSON object</source>
            <translation>%1：响应不是 JSON 对象</translation>
        </message>
        <message>
            <source>%1: more than %2 pages; refused</source>
            <translation>%1：超过 %2 页；已拒绝</translation>
        </message>
        <message>
            <source>%1: more than %2 bytes of answers; refused</source>
            <translation>%1：应答超过 %2 字节；已拒绝</translation>
        </message>
        <message>
            <source>listing the tags of</source>
            <translation>列出以下仓库的标签：</translation>
        </message>
        <message>
            <source>listing the repositories of %1</source>
            <translation>列出 %1 的仓库</translation>
        </message>
        <message>
            <source>deleting the manifest %1 of</source>
            <translation>正在删除清单 %1，所属仓库：</translation>
        </message>
        <message>
            <source>%1: this registry does not allow deleting images (deletes are not enabled on it)</source>
            <translation>%1：此镜像仓库不允许删除镜像（未启用删除功能）</translation>
        </message>
        <message>
            <source>registry %1 asks for credentials and none were given</source>
            <translation>镜像仓库 %1 要求提供凭据，但未提供任何凭据</translation>
        </message>
        <message>
            <source>registry %1 uses Basic authentication: an identity token cannot be used there</source>
            <translation>镜像仓库 %1 使用 Basic 认证：无法在此使用身份令牌</translation>
        </message>
        <message>
            <source>registry %1 asks for "%2" authentication, which Stevedore does not support</source>
            <translation>镜像仓库 %1 要求“%2”认证，Stevedore 不支持该认证方式</translation>
        </message>
        <message>
            <source>checking the credentials at %1</source>
            <translation>检查 %1 的凭据</translation>
        </message>
        <message>
            <source>registry %1 rejected the credentials of %2 (HTTP %3): check the user name and password</source>
            <translation>镜像仓库 %1 拒绝了 %2 的凭据（HTTP %3）：请检查用户名和密码</translation>
        </message>
        <message>
            <source>the identity token</source>
            <translation>身份令牌</translation>
        </message>
        <message>
            <source>%1 answered HTTP %2 to a login check of /v2/</source>
            <translation>%1 对 /v2/ 的登录检查返回了 HTTP %2</translation>
        </message>
        <message>
            <source>the gzip stream is truncated (it ends inside a member)</source>
            <translation>gzip 流被截断（在某个成员内部结束）</translation>
        </message>
        <message>
            <source>cannot reset the gzip decoder</source>
            <translation>无法重置 gzip 解码器</translation>
        </message>
        <message>
            <source>not a valid gzip stream: %1</source>
            <translation>不是有效的 gzip 流：%1</translation>
        </message>
        <message>
            <source>the zstd stream is truncated (it ends inside a frame)</source>
            <translation>zstd 流被截断（在帧内部结束）</translation>
        </message>
        <message>
            <source>not a valid zstd stream: %1</source>
            <translation>不是有效的 zstd 流：%1</translation>
        </message>
        <message>
            <source>cannot start the gzip decoder</source>
            <translation>无法启动 gzip 解码器</translation>
        </message>
        <message>
            <source>cannot start the zstd decoder</source>
            <translation>无法启动 zstd 解码器</translation>
        </message>
        <message>
            <source>%1 decompression is not supported</source>
            <translation>不支持 %1 解压缩</translation>
        </message>
        <message>
            <source>its %1 data expands more than %2 times (%3 bytes from %4 so far): a decompression bomb, refused (STEVEDORE_MAX_EXPANSION sets the limit, 0 lifts it)</source>
            <translation>其 %1 数据膨胀超过 %2 倍（目前已由 %4 解压出 %3 字节）：疑似解压炸弹，已拒绝（STEVEDORE_MAX_EXPANSION 用于设置该上限，设为 0 则取消限制）</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>zstd compression failed: %1</source>
            <translation>zstd 压缩失败：%1</translation>
        </message>
        <message>
            <source>gzip compression failed: out of memory</source>
            <translation>gzip 压缩失败：内存不足</translation>
        </message>
        <message>
            <source>zstd compression failed: out of memory</source>
            <translation>zstd 压缩失败：内存不足</translation>
        </message>
        <message>
            <source>compressing to %1 is not supported</source>
            <translation>不支持压缩为 %1</translation>
        </message>
        <message>
            <source>invalid image location "%1": %2</source>
            <translation>无效的镜像位置“%1”：%2</translation>
        </message>
        <message>
            <source>the location is empty</source>
            <translation>位置为空</translation>
        </message>
        <message>
            <source>nothing follows "%1:"</source>
            <translation>“%1:”后面没有内容</translation>
        </message>
        <message>
            <source>%1 has no repository tags</source>
            <translation>%1 没有仓库标签</translation>
        </message>
        <message>
            <source>%1 cannot store signatures</source>
            <translation>%1 无法存储签名</translation>
        </message>
        <message>
            <source>transport %1 is not supported yet</source>
            <translation>尚不支持传输方式 %1</translation>
        </message>
        <message>
            <source>the path is empty</source>
            <translation>路径为空</translation>
        </message>
        <message>
            <source>"%1" is not a valid image layout reference name</source>
            <translation>“%1”不是有效的镜像布局引用名</translation>
        </message>
        <message>
            <source>unterminated storage specifier</source>
            <translation>存储说明符未结束</translation>
        </message>
        <message>
            <source>cannot lock %1: another process holds it</source>
            <translation>无法锁定 %1：另一个进程持有该锁</translation>
        </message>
        <message>
            <source>%1 is not a folder</source>
            <translation>%1 不是文件夹</translation>
        </message>
        <message>
            <source>%1 is not an OCI image layout (no index.json)</source>
            <translation>%1 不是 OCI 镜像布局（没有 index.json）</translation>
        </message>
        <message>
            <source>%1 is not an OCI image layout: the oci-layout file is missing</source>
            <translation>%1 不是 OCI 镜像布局：缺少 oci-layout 文件</translation>
        </message>
        <message>
            <source>%1 is not an OCI image layout: %2</source>
            <translation>%1 不是 OCI 镜像布局：%2</translation>
        </message>
        <message>
            <source>%1 is not an OCI image layout: oci-layout is not {"imageLayoutVersion": ...}</source>
            <translation>%1 不是 OCI 镜像布局：oci-layout 不是 {"imageLayoutVersion": ...}</translation>
        </message>
        <message>
            <source>%1 is not a supported OCI image layout: its oci-layout file says imageLayoutVersion %2; only 1.x is supported</source>
            <translation>%1 不是受支持的 OCI 镜像布局：其 oci-layout 文件中的 imageLayoutVersion 为 %2；仅支持 1.x</translation>
        </message>
        <message>
            <source>%1 is not empty and is not an OCI image layout; refusing to write into it</source>
            <translation>%1 非空且不是 OCI 镜像布局；拒绝向其中写入</translation>
        </message>
        <message>
            <source>%1 does not have schemaVersion 2</source>
            <translation>%1 的 schemaVersion 不是 2</translation>
        </message>
        <message>
            <source>%1: "manifests" is not an array</source>
            <translation>%1：“manifests”不是数组</translation>
        </message>
        <message>
            <source>entry %1 of %2</source>
            <translation>第 %1 项（共 %2 项）</translation>
        </message>
        <message>
            <source>the OCI image layout %1 holds no image</source>
            <translation>OCI 镜像布局 %1 中没有镜像</translation>
        </message>
        <message>
            <source>the OCI image layout %1 holds %2 images; name one as oci:%1:REF (references: %3)</source>
            <translation>OCI 镜像布局 %1 包含 %2 个镜像；请用 oci:%1:REF 指定其中一个（引用：%3）</translation>
        </message>
        <message>
            <source>the OCI image layout %1 has no entry @%2 (it has %3)</source>
            <translation>OCI 镜像布局 %1 中没有条目 @%2（现有条目：%3）</translation>
        </message>
        <message>
            <source>the OCI image layout %1 has more than one image named %2</source>
            <translation>OCI 镜像布局 %1 中有多个名为 %2 的镜像</translation>
        </message>
        <message>
            <source>no image named %1 in the OCI image layout %2 (references: %3)</source>
            <translation>OCI 镜像布局 %2 中没有名为 %1 的镜像（引用：%3）</translation>
        </message>
        <message>
            <source>blob %1 is missing from %2</source>
            <translation>%2 中缺少 blob %1</translation>
        </message>
        <message>
            <source>blob %1 in %2 is %3 bytes, expected %4</source>
            <translation>%2 中的 blob %1 大小为 %3 字节，预期为 %4</translation>
        </message>
        <message>
            <source>blob %1 in %2 is corrupt: its content has digest %3</source>
            <translation>%2 中的 blob %1 已损坏：其内容的摘要为 %3</translation>
        </message>
        <message>
            <source>cannot delete %1</source>
            <translation>无法删除 %1</translation>
        </message>
        <message>
            <source>no image with digest %1 in %2</source>
            <translation>%2 中没有摘要为 %1 的镜像</translation>
        </message>
        <message>
            <source>%1 has digest %2, not %3</source>
            <translation>%1 的摘要为 %2，而非 %3</translation>
        </message>
        <message>
            <source>blob %1 of %2</source>
            <translation>%2 的 blob %1</translation>
        </message>
        <message>
            <source>%1 exists and is not a folder</source>
            <translation>%1 已存在且不是文件夹</translation>
        </message>
        <message>
            <source>cannot create a temporary folder in %1: %2</source>
            <translation>无法在 %1 中创建临时文件夹：%2</translation>
        </message>
        <message>
            <source>the manifest is larger than %1 bytes</source>
            <translation>清单大于 %1 字节</translation>
        </message>
        <message>
            <source>cannot move the new layout into place as %1</source>
            <translation>无法将新布局移动到最终位置 %1</translation>
        </message>
        <message>
            <source>cannot move blob %1 into %2</source>
            <translation>无法将 blob %1 移入 %2</translation>
        </message>
        <message>
            <source>nothing to commit to %1: no manifest was written</source>
            <translation>没有可提交到 %1 的内容：未写入任何清单</translation>
        </message>
        <message>
            <source>%1: an index (@N) cannot name a destination image</source>
            <translation>%1：索引（@N）不能用于指定目标镜像</translation>
        </message>
        <message>
            <source>%1 is a folder that is not empty and not an OCI image layout; refusing to write into it</source>
            <translation>%1 是一个非空文件夹，且不是 OCI 镜像布局；拒绝向其中写入</translation>
        </message>
        <message>
            <source>%1 is not empty and was not written by the dir transport (no version file saying "Directory Transport Version: 1.x"); refusing to replace it</source>
            <translation>%1 不为空，且不是由 dir 传输写入的（没有内容为“Directory Transport Version: 1.x”的 version 文件）；拒绝替换它</translation>
        </message>
        <message>
            <source>manifest %1 is missing from %2</source>
            <translation>%2 中缺少清单 %1</translation>
        </message>
        <message>
            <source>manifest %1 in %2 is corrupt: its content has digest %3</source>
            <translation>%2 中的清单 %1 已损坏：其内容的摘要为 %3</translation>
        </message>
        <message>
            <source>cannot replace %1: %2</source>
            <translation>无法替换 %1：%2</translation>
        </message>
        <message>
            <source>cannot move %1 aside</source>
            <translation>无法将 %1 移到一旁</translation>
        </message>
        <message>
            <source>cannot move the new %1 into place</source>
            <translation>无法将新的 %1 移动到位</translation>
        </message>
        <message>
            <source>cannot move the new %1 into place: %2</source>
            <translation>无法将新的 %1 移动到位：%2</translation>
        </message>
        <message>
            <source>%1 holds no image (no manifest.json)</source>
            <translation>%1 中没有镜像（无 manifest.json）</translation>
        </message>
        <message>
            <source>unknown transport "%1"; known transports: %2</source>
            <translation>未知的传输方式 "%1"；已知的传输方式：%2</translation>
        </message>
        <message>
            <source>%1 is not in the local store</source>
            <translation>%1 不在本地存储中</translation>
        </message>
        <message>
            <source>%1: a new name needs a tag and no digest</source>
            <translation>%1：新名称需要标签且不能带摘要</translation>
        </message>
        <message>
            <source>the name was removed, but cleaning up failed</source>
            <translation>名称已删除，但清理失败</translation>
        </message>
        <message>
            <source>"%1" is not an image name</source>
            <translation>"%1" 不是镜像名称</translation>
        </message>
        <message>
            <source>%1 is not in the local store (%2 is empty)</source>
            <translation>%1 不在本地存储中（%2 为空）</translation>
        </message>
        <message>
            <source>%1: a name in the local store needs a tag</source>
            <translation>%1：本地存储中的名称需要带标签</translation>
        </message>
        <message>
            <source>%1: a name in the local store cannot carry a digest</source>
            <translation>%1：本地存储中的名称不能带有摘要</translation>
        </message>
        <message>
            <source>docker references start with "docker://"</source>
            <translation>docker 引用以 "docker://" 开头</translation>
        </message>
        <message>
            <source>%1 is not a docker:// image reference</source>
            <translation>%1 不是 docker:// 镜像引用</translation>
        </message>
        <message>
            <source>the manifest has digest %1, not the %2 named by the destination %3</source>
            <translation>清单的摘要为 %1，而不是目标 %3 所指定的 %2</translation>
        </message>
        <message>
            <source>cannot write the digest file %1: the folder %2 does not exist</source>
            <translation>无法写入摘要文件 %1：文件夹 %2 不存在</translation>
        </message>
        <message>
            <source>cannot write the digest file %1: it is a folder</source>
            <translation>无法写入摘要文件 %1：它是一个文件夹</translation>
        </message>
        <message>
            <source>cannot write the digest file %1: the folder %2 is not writable</source>
            <translation>无法写入摘要文件 %1：文件夹 %2 不可写</translation>
        </message>
        <message>
            <source>writing the digest file</source>
            <translation>正在写入摘要文件</translation>
        </message>
        <message>
            <source>saved push: "%1" %2</source>
            <translation>已保存的推送：“%1” %2</translation>
        </message>
        <message>
            <source>is missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <source>saved push: "%1"</source>
            <translation>已保存的推送：“%1”</translation>
        </message>
        <message>
            <source>is "%1" (gzip, zstd or none)</source>
            <translation>为 "%1"（可选 gzip、zstd 或 none）</translation>
        </message>
        <message>
            <source>is "%1" (oci or v2s2)</source>
            <translation>为“%1”（oci 或 v2s2）</translation>
        </message>
        <message>
            <source>the copy was cancelled</source>
            <translation>复制已取消</translation>
        </message>
        <message>
            <source>pushing</source>
            <translation>正在推送</translation>
        </message>
        <message>
            <source>pulling</source>
            <translation>正在拉取</translation>
        </message>
        <message>
            <source>copying</source>
            <translation>正在复制</translation>
        </message>
        <message>
            <source>config</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>manifest %1</source>
            <translation>清单 %1</translation>
        </message>
        <message>
            <source>%1 is both the source and the destination; refused</source>
            <translation>%1 既是源又是目标；已拒绝</translation>
        </message>
        <message>
            <source>committing %1</source>
            <translation>正在提交 %1</translation>
        </message>
        <message>
            <source>the manifest of %1</source>
            <translation>%1 的清单</translation>
        </message>
        <message>
            <source>reading %1</source>
            <translation>正在读取 %1</translation>
        </message>
        <message>
            <source>reading the index of %1</source>
            <translation>正在读取 %1 的索引</translation>
        </message>
        <message>
            <source>reading the signatures of the index of %1</source>
            <translation>读取 %1 的索引的签名</translation>
        </message>
        <message>
            <source>use --all to copy every platform</source>
            <translation>使用 --all 复制所有平台</translation>
        </message>
        <message>
            <source>%1 in %2 is a %3, which cannot be copied yet (only image manifests under an index are)</source>
            <translation>%2 中的 %1 是 %3，目前还无法复制（仅支持复制索引下的镜像清单）</translation>
        </message>
        <message>
            <source>writing %1</source>
            <translation>写入 %1</translation>
        </message>
        <message>
            <source>the config %1 is %2 bytes, more than the limit of %3</source>
            <translation>配置 %1 为 %2 字节，超过了 %3 的上限</translation>
        </message>
        <message>
            <source>reading the config of %1</source>
            <translation>读取 %1 的配置</translation>
        </message>
        <message>
            <source>%1: the config does not match its digest %2</source>
            <translation>%1：配置与其摘要 %2 不符</translation>
        </message>
        <message>
            <source>%1 of %2 has the media type %3, which cannot be copied yet</source>
            <translation>%2 的 %1 的媒体类型为 %3，目前尚无法复制</translation>
        </message>
        <message>
            <source>reading the signatures of %1</source>
            <translation>正在读取 %1 的签名</translation>
        </message>
        <message>
            <source>%1: the config lists %2 diff_ids for %3 layers</source>
            <translation>%1：配置为 %3 个层列出了 %2 个 diff_ids</translation>
        </message>
        <message>
            <source>%1 does not match its descriptor: it is longer than the %2 bytes declared (expected digest %3)</source>
            <translation>%1 与其描述符不符：其长度超过了声明的 %2 字节（预期摘要 %3）</translation>
        </message>
        <message>
            <source>%1 does not match its digest: read %2 bytes with digest %3, expected %4 (%5 bytes)</source>
            <translation>%1 与其摘要不符：读取了 %2 字节，摘要为 %3，应为 %4（%5 字节）</translation>
        </message>
        <message>
            <source>retry %1 of %2: %3</source>
            <translation>第 %1 次重试（共 %2 次）：%3</translation>
        </message>
        <message>
            <source>reading from %1</source>
            <translation>正在从 %1 读取</translation>
        </message>
        <message>
            <source>blob %1 from %2</source>
            <translation>来自 %2 的 blob %1</translation>
        </message>
        <message>
            <source>the uncompressed content of %1 (its diff_id)</source>
            <translation>%1 的未压缩内容（其 diff_id）</translation>
        </message>
        <message>
            <source>the upload session holds %1 bytes, more than the blob has</source>
            <translation>上传会话中有 %1 字节，超过了该 blob 的大小</translation>
        </message>
        <message>
            <source>not copied: another blob failed</source>
            <translation>未复制：另一个 blob 失败</translation>
        </message>
        <message>
            <source>%1 is signed, and %2 cannot store signatures; use --remove-signatures to copy it without them</source>
            <translation>%1 已签名，而 %2 无法存储签名；请使用 --remove-signatures 在不带签名的情况下复制它</translation>
        </message>
        <message>
            <source>rewriting %1</source>
            <translation>正在重写 %1</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>the index would be written before its manifests</source>
            <translation>索引将先于其清单写入</translation>
        </message>
        <message>
            <source>rewriting the index of %1</source>
            <translation>重写 %1 的索引</translation>
        </message>
        <message>
            <source>%1 the index</source>
            <translation>%1索引</translation>
        </message>
        <message>
            <source>cannot create the folder %1 for the blob-info cache</source>
            <translation>无法为 blob 信息缓存创建文件夹 %1</translation>
        </message>
        <message>
            <source>%1: not a manifest list or image index (%2)</source>
            <translation>%1：不是清单列表或镜像索引（%2）</translation>
        </message>
        <message>
            <source>no platform</source>
            <translation>无平台</translation>
        </message>
        <message>
            <source>%1 (%2 entries)</source>
            <translation>%1（%2 个条目）</translation>
        </message>
        <message>
            <source>a platform needs both an operating system and an architecture, not %1 alone: set both, or clear both (--os "" --arch "") for an entry without a platform</source>
            <translation>平台需要同时指定操作系统和架构，不能只有 %1：请同时设置两者，或同时清空两者（--os "" --arch ""）以使条目不带平台</translation>
        </message>
        <message>
            <source>an annotation needs a key (KEY=VALUE)</source>
            <translation>注解需要一个键（KEY=VALUE）</translation>
        </message>
        <message>
            <source>no manifest list named %1</source>
            <translation>没有名为 %1 的清单列表</translation>
        </message>
        <message>
            <source>%1: the record of where its images come from is damaged</source>
            <translation>%1：记录其镜像来源的信息已损坏</translation>
        </message>
        <message>
            <source>manifest list %1</source>
            <translation>清单列表 %1</translation>
        </message>
        <message>
            <source>%1: a manifest list name cannot carry a digest</source>
            <translation>%1：清单列表名称不能带有摘要</translation>
        </message>
        <message>
            <source>%1: a manifest list name needs a tag and no digest</source>
            <translation>%1：清单列表名称需要标签，且不能带摘要</translation>
        </message>
        <message>
            <source>manifest list %1 already exists (use --amend to add to it)</source>
            <translation>清单列表 %1 已存在（使用 --amend 向其中添加）</translation>
        </message>
        <message>
            <source>the list was removed, but cleaning up failed</source>
            <translation>列表已删除，但清理失败</translation>
        </message>
        <message>
            <source>%1 is a %2, not an image: a manifest list holds images</source>
            <translation>%1 是 %2，而不是镜像：清单列表中包含的是镜像</translation>
        </message>
        <message>
            <source>use --all to add every image of the list</source>
            <translation>使用 --all 添加列表中的所有镜像</translation>
        </message>
        <message>
            <source>%1 holds a nested list (%2): a manifest list entry must be an image</source>
            <translation>%1 包含嵌套列表（%2）：清单列表的条目必须是镜像</translation>
        </message>
        <message>
            <source>the manifest %1 is not a JSON object</source>
            <translation>清单 %1 不是 JSON 对象</translation>
        </message>
        <message>
            <source>%1 lists no image %2</source>
            <translation>%1 中没有列出镜像 %2</translation>
        </message>
        <message>
            <source>reading %1 (%2) of %3</source>
            <translation>正在读取 %3 的 %1（%2）</translation>
        </message>
        <message>
            <source>%1: the image there is now %2, not the one listed</source>
            <translation>%1：该处的镜像现在是 %2，而不是列出的那个</translation>
        </message>
        <message>
            <source>%1: got %2</source>
            <translation>%1：得到 %2</translation>
        </message>
        <message>
            <source>%1: no listed image has the blob %2</source>
            <translation>%1：列出的镜像中没有任何一个包含 blob %2</translation>
        </message>
        <message>
            <source>%1 lists the same platform more than once: %2 (remove one, or use --allow-duplicates)</source>
            <translation>%1 多次列出了同一平台：%2（请删除其一，或使用 --allow-duplicates）</translation>
        </message>
        <message>
            <source>%1: the image %2 has no recorded source to copy it from</source>
            <translation>%1：镜像 %2 没有记录可供复制的来源</translation>
        </message>
        <message>
            <source>the source of %1</source>
            <translation>%1 的源</translation>
        </message>
        <message>
            <source>reading the config %1</source>
            <translation>读取配置 %1</translation>
        </message>
        <message>
            <source>the config %1 does not match its digest (got %2)</source>
            <translation>配置 %1 与其摘要不符（得到 %2）</translation>
        </message>
        <message>
            <source>the config %1 is %2 bytes, expected %3</source>
            <translation>配置 %1 为 %2 字节，应为 %3</translation>
        </message>
        <message>
            <source>reading the manifest of %1</source>
            <translation>正在读取 %1 的清单</translation>
        </message>
        <message>
            <source>use --raw to see the index</source>
            <translation>使用 --raw 查看索引</translation>
        </message>
        <message>
            <source>reading the manifest %1 of %2</source>
            <translation>正在读取 %2 的清单 %1</translation>
        </message>
        <message>
            <source>%1 is a %2, which cannot be inspected yet</source>
            <translation>%1 是 %2，目前尚无法查看</translation>
        </message>
        <message>
            <source>"%1" is not a registry key (REGISTRY[/NAMESPACE[/REPO]]): %2</source>
            <translation>“%1”不是镜像仓库键（REGISTRY[/NAMESPACE[/REPO]]）：%2</translation>
        </message>
        <message>
            <source>it is empty</source>
            <translation>它为空</translation>
        </message>
        <message>
            <source>a key has no digest</source>
            <translation>某个键没有摘要</translation>
        </message>
        <message>
            <source>"%1" is not a host name</source>
            <translation>“%1”不是主机名</translation>
        </message>
        <message>
            <source>a key has no tag</source>
            <translation>有一个键没有标签</translation>
        </message>
        <message>
            <source>"%1" is not a repository name component</source>
            <translation>"%1" 不是仓库名称的组成部分</translation>
        </message>
        <message>
            <source>a user name and a password are needed to log in to %1</source>
            <translation>登录 %1 需要用户名和密码</translation>
        </message>
        <message>
            <source>%1 does not list its repositories (%2)</source>
            <translation>%1 不提供其仓库列表（%2）</translation>
        </message>
        <message>
            <source>the manifest %1 of %2 is a %3, which cannot be imported yet</source>
            <translation>%2 的清单 %1 是 %3，目前还无法导入</translation>
        </message>
        <message>
            <source>the manifest list of %1 holds no image manifest to import</source>
            <translation>%1 的清单列表中没有可导入的镜像清单</translation>
        </message>
        <message>
            <source>valid ImportMode values are Legacy or PreserveOriginal</source>
            <translation>有效的 ImportMode 值为 Legacy 或 PreserveOriginal</translation>
        </message>
        <message>
            <source>the import source is empty (give --from=REF)</source>
            <translation>导入源为空（请指定 --from=REF）</translation>
        </message>
        <message>
            <source>%1 has no image for platform %2 (available: %3); it is a single image, not a manifest list</source>
            <translation>%1 没有平台 %2 的镜像（可用：%3）；它是单个镜像，而非清单列表</translation>
        </message>
        <message>
            <source>reading the manifest list of %1</source>
            <translation>读取 %1 的清单列表</translation>
        </message>
        <message>
            <source>choose one of them with --platform, or import them all with --import-mode=PreserveOriginal</source>
            <translation>请使用 --platform 选择其中之一，或使用 --import-mode=PreserveOriginal 全部导入</translation>
        </message>
        <message>
            <source>the sub-manifest %1 of %2 cannot be imported alone: the list does not name its platform %3 unambiguously (import it from a registry, or use --import-mode=PreserveOriginal)</source>
            <translation>%2 的子清单 %1 无法单独导入：列表没有明确指明其平台 %3（请从镜像仓库导入，或使用 --import-mode=PreserveOriginal）</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>the local name of an import must be NAME[:TAG] (got %1)</source>
            <translation>导入的本地名称必须为 NAME[:TAG]（实际为 %1）</translation>
        </message>
        <message>
            <source>importing %1: the plan is empty</source>
            <translation>正在导入 %1：计划为空</translation>
        </message>
        <message>
            <source>importing %1: the local store got %2, not the planned %3 (the source changed meanwhile?)</source>
            <translation>导入 %1：本地存储得到的是 %2，而不是计划的 %3（源在此期间发生了变化？）</translation>
        </message>
        <message>
            <source>importing %1 as %2</source>
            <translation>正在将 %1 导入为 %2</translation>
        </message>
        <message>
            <source>invalid "name": %1</source>
            <translation>无效的“name”：%1</translation>
        </message>
        <message>
            <source>"from" is missing</source>
            <translation>缺少“from”</translation>
        </message>
        <message>
            <source>invalid "platform": %1</source>
            <translation>无效的 "platform"：%1</translation>
        </message>
        <message>
            <source>invalid "lastSourceDigest": %1</source>
            <translation>无效的 "lastSourceDigest"：%1</translation>
        </message>
        <message>
            <source>reading the scheduled imports %1</source>
            <translation>正在读取计划的导入 %1</translation>
        </message>
        <message>
            <source>the scheduled imports %1 are not a JSON object (%2 at offset %3)</source>
            <translation>计划的导入 %1 不是 JSON 对象（%2，位于偏移量 %3）</translation>
        </message>
        <message>
            <source>%1, entry %2</source>
            <translation>%1，第 %2 项</translation>
        </message>
        <message>
            <source>writing the scheduled imports %1</source>
            <translation>正在写入计划的导入 %1</translation>
        </message>
        <message>
            <source>preparing the local store %1 for its scheduled imports</source>
            <translation>正在为计划的导入准备本地存储 %1</translation>
        </message>
        <message>
            <source>cannot lock the scheduled imports %1 (another stevedore holds it)</source>
            <translation>无法锁定计划导入 %1（另一个 stevedore 正持有该锁）</translation>
        </message>
        <message>
            <source>the scheduled imports were cancelled</source>
            <translation>计划的导入已取消</translation>
        </message>
        <message>
            <source>the sandbox needs Debian's docker-registry, which is not installed (apt-get install docker-registry)</source>
            <translation>沙盒仓库需要 Debian 的 docker-registry，但尚未安装（apt-get install docker-registry）</translation>
        </message>
        <message>
            <source>cannot create the sandbox folder %1</source>
            <translation>无法创建沙盒文件夹 %1</translation>
        </message>
        <message>
            <source>no free loopback port for the sandbox registry</source>
            <translation>没有可供沙盒仓库使用的空闲回环端口</translation>
        </message>
        <message>
            <source>cannot start %1: %2</source>
            <translation>无法启动 %1：%2</translation>
        </message>
        <message>
            <source>the sandbox registry stopped at once (exit %1): %2</source>
            <translation>沙盒仓库启动后立即停止（退出码 %1）：%2</translation>
        </message>
        <message>
            <source>the sandbox registry did not answer on 127.0.0.1:%1 within %2 s: %3</source>
            <translation>沙盒仓库未在 %2 秒内于 127.0.0.1:%1 上应答：%3</translation>
        </message>
        <message>
            <source>cannot make the sample layer: %1</source>
            <translation>无法生成示例层：%1</translation>
        </message>
        <message>
            <source>cannot make the sample image: %1</source>
            <translation>无法制作示例镜像：%1</translation>
        </message>
        <message>
            <source>cannot derive a local name from %1; give NAME</source>
            <translation>无法从 %1 推导出本地名称；请给出 NAME</translation>
        </message>
        <message>
            <source>layer %1</source>
            <translation>层 %1</translation>
        </message>
        <message>
            <source>writing the archive %1</source>
            <translation>写入归档 %1</translation>
        </message>
        <message>
            <source>%1 does not hold an OCI image layout: %2</source>
            <translation>%1 中没有 OCI 镜像布局：%2</translation>
        </message>
        <message>
            <source>%1 is a folder, not an archive file</source>
            <translation>%1 是文件夹，不是归档文件</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>未知错误</translation>
        </message>
        <message>
            <source>not a tar archive (%1)</source>
            <translation>不是 tar 归档（%1）</translation>
        </message>
        <message>
            <source>a damaged tar archive (%1)</source>
            <translation>tar 归档已损坏（%1）</translation>
        </message>
        <message>
            <source>the entry %1 is outside the layout</source>
            <translation>条目 %1 位于布局之外</translation>
        </message>
        <message>
            <source>the entry %1 is not a file or a folder (a link or a device), which an OCI layout does not hold</source>
            <translation>条目 %1 不是文件或文件夹（而是链接或设备），OCI 布局中不应有这类条目</translation>
        </message>
        <message>
            <source>the entry %1 is there twice</source>
            <translation>条目 %1 出现了两次</translation>
        </message>
        <message>
            <source>the entry %1 is damaged or cut short (%2)</source>
            <translation>条目 %1 已损坏或被截断（%2）</translation>
        </message>
        <message>
            <source>%1 is a docker save archive, not an OCI image layout: open it as docker-archive:%1</source>
            <translation>%1 是 docker save 归档，不是 OCI 镜像布局：请以 docker-archive:%1 打开</translation>
        </message>
        <message>
            <source>the link %1 is part of a loop</source>
            <translation>链接 %1 形成了循环</translation>
        </message>
        <message>
            <source>the link %1 points to %2, which is no file of the archive</source>
            <translation>链接 %1 指向 %2，而它不是归档中的文件</translation>
        </message>
        <message>
            <source>the link %1 points outside the archive</source>
            <translation>链接 %1 指向归档之外</translation>
        </message>
        <message>
            <source>an empty tar archive</source>
            <translation>空的 tar 归档</translation>
        </message>
        <message>
            <source>%1: its manifest.json %2</source>
            <translation>%1：其 manifest.json %2</translation>
        </message>
        <message>
            <source>is not JSON (%1 at byte %2)</source>
            <translation>不是 JSON（第 %2 字节处：%1）</translation>
        </message>
        <message>
            <source>is not a list of images</source>
            <translation>不是镜像列表</translation>
        </message>
        <message>
            <source>lists no image</source>
            <translation>没有列出任何镜像</translation>
        </message>
        <message>
            <source>entry %1 has no valid Config file name</source>
            <translation>第 %1 项没有有效的 Config 文件名</translation>
        </message>
        <message>
            <source>entry %1 has no Layers list</source>
            <translation>第 %1 项没有 Layers 列表</translation>
        </message>
        <message>
            <source>entry %1 names a layer that is no file of the archive</source>
            <translation>第 %1 项指定的层不是归档中的文件</translation>
        </message>
        <message>
            <source>entry %1 has a RepoTags that is not a list</source>
            <translation>第 %1 项的 RepoTags 不是列表</translation>
        </message>
        <message>
            <source>entry %1 has a tag that is not a string</source>
            <translation>第 %1 项有一个不是字符串的标签</translation>
        </message>
        <message>
            <source>%1 holds %2 images (%3); name one, as docker-archive:%1:NAME:TAG or docker-archive:%1:@N</source>
            <translation>%1 包含 %2 个镜像（%3）；请指定其中一个，例如 docker-archive:%1:名称:标签 或 docker-archive:%1:@N</translation>
        </message>
        <message>
            <source>"%1" is not an image number (@0, @1, …)</source>
            <translation>“%1”不是镜像序号（@0、@1……）</translation>
        </message>
        <message>
            <source>%1 holds %2 images; there is no @%3</source>
            <translation>%1 包含 %2 个镜像；没有 @%3</translation>
        </message>
        <message>
            <source>%1 holds no image tagged %2 (it holds: %3)</source>
            <translation>%1 中没有标签为 %2 的镜像（其中有：%3）</translation>
        </message>
        <message>
            <source>%1 holds one image, not %2</source>
            <translation>%1 只包含一个镜像，不包含 %2</translation>
        </message>
        <message>
            <source>%1 has no blob %2</source>
            <translation>%1 中没有数据块 %2</translation>
        </message>
        <message>
            <source>the blob %1 of %2</source>
            <translation>%2 的数据块 %1</translation>
        </message>
        <message>
            <source>%1: its manifest.json names %2, which is no file of the archive</source>
            <translation>%1：其 manifest.json 指定了 %2，而它不是归档中的文件</translation>
        </message>
        <message>
            <source>%1 is an OCI layout archive, not a docker save one: open it as oci-archive:%1</source>
            <translation>%1 是 OCI 布局归档，不是 docker save 归档：请以 oci-archive:%1 打开</translation>
        </message>
        <message>
            <source>%1 is not a docker save archive: it has no manifest.json</source>
            <translation>%1 不是 docker save 归档：其中没有 manifest.json</translation>
        </message>
        <message>
            <source>reading the config %1 of %2</source>
            <translation>读取 %2 的配置 %1</translation>
        </message>
        <message>
            <source>%1: the image has %2 layers, and its config lists %3 diff_ids</source>
            <translation>%1：镜像有 %2 层，而其配置列出了 %3 个 diff_id</translation>
        </message>
        <message>
            <source>%1: the layer %2 is compressed with %3, which a docker save archive does not hold</source>
            <translation>%1：层 %2 使用 %3 压缩，docker save 归档不能包含这种层</translation>
        </message>
        <message>
            <source>%1 holds one image with a Docker v2s2 manifest, not a %2</source>
            <translation>%1 只保存一个使用 Docker v2s2 清单的镜像，不保存 %2</translation>
        </message>
        <message>
            <source>%1: no manifest was written</source>
            <translation>%1：未写入任何清单</translation>
        </message>
        <message>
            <source>%1: the blob %2 was not written</source>
            <translation>%1：数据块 %2 未写入</translation>
        </message>
        <message>
            <source>%1: an image number (@N) cannot name a destination image; give NAME:TAG</source>
            <translation>%1：镜像序号（@N）不能指定目标镜像；请给出 名称:标签</translation>
        </message>
        <message>
            <source>%1: a docker save archive tags its image; a digest cannot name it</source>
            <translation>%1：docker save 归档用标签命名镜像，不能用摘要命名</translation>
        </message>
        <message>
            <source>%1 is an index, and %2 holds one image, not an index: copy one platform (leave out --all; --platform chooses it, this machine's by default)</source>
            <translation>%1 是索引，而 %2 只能保存一个镜像，不能保存索引：请只复制一个平台（不要使用 --all；用 --platform 选择，默认为本机平台）</translation>
        </message>
        <message>
            <source>the request ended before its body was sent</source>
            <translation>请求在其正文发送完之前就结束了</translation>
        </message>
        <message>
            <source>more bytes than the request body's length</source>
            <translation>字节数超过了请求正文的长度</translation>
        </message>
        <message>
            <source>more bytes to upload than the blob's %1</source>
            <translation>要上传的字节数超过了数据块的 %1 字节</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ImportJob</name>
        <message>
            <source>Import %1 as %2</source>
            <translation>将 %1 导入为 %2</translation>
        </message>
    </context>
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
        <message>
            <source>What the layers hold once decompressed: the size of the image's file systems</source>
            <translation>各层解压后的大小：即镜像文件系统的大小</translation>
        </message>
        <message>
            <source>Being measured: every layer is decompressed once</source>
            <translation>正在计算：每个层解压一次</translation>
        </message>
        <message>
            <source>Uncompressed</source>
            <translation>解压后</translation>
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
            <source>Start the sandbox registry: it puts a sample image here and gives you a registry on this computer to push it to — drag the image onto the push queue. Or push an OCI layout folder: drop it on the push queue, or choose File → Push Image…. Or pull an image of a registry with File → Pull Image…. Images imported with the stevedore command show here too.</source>
            <translation>启动沙盒仓库：它会在这里放入一个示例镜像，并在本机提供一个可推送的仓库 — 把镜像拖到推送队列即可。也可以推送 OCI 布局文件夹：把它拖放到推送队列，或选择“文件 → 推送镜像…”。或者用“文件 → 拉取镜像…”拉取镜像仓库中的镜像。用 stevedore 命令导入的镜像也会显示在这里。</translation>
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
        <name>stevedore::ui::ImageDetailsPane</name>
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
            <source>&amp;Copy Digest</source>
            <translation>复制摘要(&amp;C)</translation>
        </message>
        <message>
            <source>Copy &amp;Manifest</source>
            <translation>复制清单(&amp;M)</translation>
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
            <source>%1 in all (compressed, every platform)</source>
            <translation>共 %1（压缩后，所有平台）</translation>
        </message>
        <message numerus="yes">
            <source>%1 in all (compressed, the %n platform image(s) here)</source>
            <translation>
                <numerusform>共 %1（压缩后，此处的 %n 个平台镜像）</numerusform>
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
            <source>An index has no config: each of its platform images has its own.</source>
            <translation>索引没有配置：它的每个平台镜像各有自己的配置。</translation>
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
        <message>
            <source>%1
Reading…</source>
            <translation>%1
正在读取…</translation>
        </message>
        <message>
            <source>Copied %1.</source>
            <translation>已复制 %1。</translation>
        </message>
        <message>
            <source>Cannot inspect %1: %2</source>
            <translation>无法检查 %1：%2</translation>
        </message>
        <message>
            <source>&amp;Filter</source>
            <translation>筛选(&amp;F)</translation>
        </message>
        <message>
            <source>Export %1</source>
            <translation>导出 %1</translation>
        </message>
        <message>
            <source>OCI archives (*.tar)</source>
            <translation>OCI 归档 (*.tar)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>&amp;Export as OCI Archive…</source>
            <translation>导出为 OCI 归档(&amp;E)…</translation>
        </message>
        <message>
            <source>Export %1 as a Docker Archive</source>
            <translation>将 %1 导出为 Docker 归档</translation>
        </message>
        <message>
            <source>Docker archives (*.tar)</source>
            <translation>Docker 归档 (*.tar)</translation>
        </message>
        <message>
            <source>Export as &amp;Docker Archive…</source>
            <translation>导出为 Docker 归档(&amp;D)…</translation>
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
        <message>
            <source>Tool Bar</source>
            <translation>工具栏</translation>
        </message>
        <message>
            <source>P&amp;ull Image…</source>
            <translation>拉取镜像(&amp;U)…</translation>
        </message>
        <message>
            <source>Copy an image of a registry into the local store</source>
            <translation>将镜像仓库中的镜像复制到本地存储</translation>
        </message>
        <message>
            <source>Pulled %1</source>
            <translation>已拉取 %1</translation>
        </message>
        <message>
            <source>Container Images</source>
            <translation>容器镜像</translation>
        </message>
        <message>
            <source>Manifest Lists</source>
            <translation>清单列表</translation>
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
        <message>
            <source>Manifest List Editor</source>
            <translation>清单列表编辑器</translation>
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
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <source>The system's (%1)</source>
            <translation>跟随系统（%1）</translation>
        </message>
        <message>
            <source>&amp;Default registry:</source>
            <translation>默认镜像仓库(&amp;D)：</translation>
        </message>
        <message>
            <source>none, e.g. registry.example.com or 127.0.0.1:5000</source>
            <translation>无，例如 registry.example.com 或 127.0.0.1:5000</translation>
        </message>
        <message>
            <source>Shown in the registry browser, and proposed as the destination of a push.</source>
            <translation>显示在镜像仓库浏览器中，并作为推送的建议目标。</translation>
        </message>
        <message>
            <source>&amp;Verify TLS certificates of new registries and pushes</source>
            <translation>新镜像仓库和推送验证 TLS 证书(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Certificate folder:</source>
            <translation>证书文件夹(&amp;C)：</translation>
        </message>
        <message>
            <source>each registry's own: ~/.config/containers/certs.d/HOST, then /etc/containers/certs.d/HOST</source>
            <translation>各镜像仓库自己的：先 ~/.config/containers/certs.d/HOST，再 /etc/containers/certs.d/HOST</translation>
        </message>
        <message>
            <source>The folder new registries and pushes start with: CA certificates (*.crt) and client certificate pairs (*.cert, *.key).</source>
            <translation>新镜像仓库和推送默认使用的文件夹：CA 证书（*.crt）和客户端证书对（*.cert、*.key）。</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>“%1” is not a registry: give a host name or address, and a port if it needs one (registry.example.com, 127.0.0.1:5000).</source>
            <translation>“%1”不是镜像仓库：请给出主机名或地址，需要时加上端口（registry.example.com、127.0.0.1:5000）。</translation>
        </message>
        <message>
            <source>The certificate folder %1 does not exist.</source>
            <translation>证书文件夹 %1 不存在。</translation>
        </message>
    </context>
    <context>
        <name>stevedore::ui::PullDialog</name>
        <message>
            <source>Pull Image</source>
            <translation>拉取镜像</translation>
        </message>
        <message>
            <source>&amp;Image:</source>
            <translation>镜像(&amp;I)：</translation>
        </message>
        <message>
            <source>registry.example.com/team/app:v1, or docker://…, oci:…, dir:…</source>
            <translation>registry.example.com/team/app:v1，或 docker://…、oci:…、dir:…</translation>
        </message>
        <message>
            <source>Local &amp;name:</source>
            <translation>本地名称(&amp;N)：</translation>
        </message>
        <message>
            <source>All &amp;platforms of an index (otherwise this computer's)</source>
            <translation>索引的所有平台(&amp;P)（否则只取本机平台）</translation>
        </message>
        <message>
            <source>&amp;Verify TLS certificates (require https)</source>
            <translation>验证 TLS 证书（要求 https）(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Pull</source>
            <translation>拉取(&amp;P)</translation>
        </message>
        <message>
            <source>the image's own name</source>
            <translation>镜像自身的名称</translation>
        </message>
        <message>
            <source>Enter the image to pull, e.g. registry.example.com/team/app:v1.</source>
            <translation>请输入要拉取的镜像，例如 registry.example.com/team/app:v1。</translation>
        </message>
        <message>
            <source>image</source>
            <translation>镜像</translation>
        </message>
        <message>
            <source>local name</source>
            <translation>本地名称</translation>
        </message>
        <message>
            <source>The local name %1 names another location: give a name without a transport (push the image there instead).</source>
            <translation>本地名称 %1 指向另一个位置：请给出不带传输方式的名称（若要放到那里，请改用推送）。</translation>
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
        <message>
            <source>&amp;Folder…</source>
            <translation>文件夹(&amp;F)…</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose an OCI layout or dir: folder (the arrow: an OCI or Docker archive file)</source>
            <translation>选择 OCI 布局或 dir: 文件夹（箭头：OCI 或 Docker 归档文件）</translation>
        </message>
        <message>
            <source>&amp;Archive File…</source>
            <translation>归档文件(&amp;A)…</translation>
        </message>
        <message>
            <source>Image Archive</source>
            <translation>镜像归档</translation>
        </message>
        <message>
            <source>Image archives (*.tar *.tar.gz *.tgz)</source>
            <translation>镜像归档 (*.tar *.tar.gz *.tgz)</translation>
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
            <source>&amp;Delete…</source>
            <translation>删除(&amp;D)…</translation>
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
            <source>Reading…</source>
            <translation>正在读取…</translation>
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
            <source>Logged in and stored %1 in %2.</source>
            <translation>已登录，并将 %1 保存到 %2。</translation>
        </message>
        <message>
            <source>Stored %1 in %2 (not verified).</source>
            <translation>已将 %1 保存到 %2（未验证）。</translation>
        </message>
        <message>
            <source>&amp;Filter by Name</source>
            <translation>按名称筛选(&amp;F)</translation>
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
