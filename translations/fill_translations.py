#!/usr/bin/env python3
"""Fills translations/stevedore_<lang>.ts from the tables below after `lupdate` (target stevedore_ui_lupdate)
added new source strings. Usage: python3 translations/fill_translations.py. Unknown strings stay unfinished
and are listed, so a missing translation is visible."""
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent

ZH_CN = {
    "Cannot read the local store %1: %2": "无法读取本地存储 %1：%2",
    "Repository": "仓库",
    "Tag": "标签",
    "Digest": "摘要",
    "Created": "创建时间",
    "%1 → %2": "%1 → %2",
    "%1%": "%1%",
    "%1 of %2": "%1 / %2",
    "%1 (%2)": "%1（%2）",
    "%1\n%2": "%1\n%2",
    "Transfer": "传输",
    "State": "状态",
    "Progress": "进度",
    "Size": "大小",
    "Queued": "排队中",
    "Running": "进行中",
    "Done": "完成",
    "Failed": "失败",
    "Cancelled": "已取消",
    "Waiting": "等待中",
    "Checking": "检查中",
    "Uploading": "上传中",
    "Already there": "已存在",
    "Mounted": "已挂载",
    "Retrying": "重试中",
    "Only the first of %n dropped images is pushed at a time.": "一次只推送拖放的 %n 个镜像中的第一个。",
    "Stevedore — Container Images": "Stevedore — 容器镜像",
    "&File": "文件(&F)",
    "&View": "视图(&V)",
    "&Help": "帮助(&H)",
    "&Push Image…": "推送镜像(&P)…",
    "Push an image to a registry or another location": "将镜像推送到镜像仓库或其他位置",
    "&Quit": "退出(&Q)",
    "&Refresh Images": "刷新镜像(&R)",
    "&Language": "语言(&L)",
    "&About Stevedore": "关于 Stevedore(&A)",
    "About &Qt": "关于 &Qt",
    "Registry Browser": "镜像仓库浏览器",
    "Manifest Editor": "清单编辑器",
    "Browsing registries is coming in a later release.": "浏览镜像仓库的功能将在后续版本中提供。",
    "Editing manifests and manifest lists is coming in a later release.": "编辑清单和清单列表的功能将在后续版本中提供。",
    "Images in the local store %1": "本地存储 %1 中的镜像",
    "Local store unreadable": "本地存储无法读取",
    "%n local image(s)": "%n 个本地镜像",
    "Reading the local store…": "正在读取本地存储…",
    "Pushing %1 to %2": "正在将 %1 推送到 %2",
    "Pushed %1": "已推送 %1",
    "Cancelled %1": "已取消 %1",
    "Push failed: %1": "推送失败：%1",
    "About Stevedore": "关于 Stevedore",
    "<h3>Stevedore %1</h3><p>Build, inspect, annotate and push container images.</p><p>Local store: %2</p>":
        "<h3>Stevedore %1</h3><p>构建、检查、注释和推送容器镜像。</p><p>本地存储：%2</p>",
    "Push Image": "推送镜像",
    "myapp:v1 or oci:/path/to/layout:tag": "myapp:v1 或 oci:/path/to/layout:tag",
    "docker://registry.example:5000/team/app:v1": "docker://registry.example:5000/team/app:v1",
    "Push &all platforms of an index": "推送索引中的所有平台(&A)",
    "&Verify TLS certificates (require https)": "验证 TLS 证书（要求 https）(&V)",
    "from auth.json when empty": "留空时从 auth.json 读取",
    "&Push": "推送(&P)",
    "&Source:": "源(&S)：",
    "&Destination:": "目标(&D)：",
    "&User:": "用户名(&U)：",
    "Pass&word:": "密码(&W)：",
    "Enter the image to push.": "请输入要推送的镜像。",
    "source": "源",
    "Enter a destination, e.g. docker://host/repo:tag.": "请输入目标，例如 docker://host/repo:tag。",
    "destination": "目标",
    "Enter the password for %1.": "请输入 %1 的密码。",
    "Enter the user name that goes with the password.": "请输入与该密码对应的用户名。",
    "Push Queue": "推送队列",
    "Drop an OCI layout folder or an image reference here to push it.": "将 OCI 布局文件夹或镜像引用拖放到此处即可推送。",
    "&Cancel": "取消(&C)",
    "&Remove Finished": "移除已完成项(&R)",
    # The credential manager (models/credentialsmodel.cpp, ui/credential*.cpp)
    "%1 holds no credentials for %2 any more.": "%1 中已不再保存 %2 的凭据。",
    "never": "从未",
    "just now": "刚刚",
    "%n minute(s) ago": "%n 分钟前",
    "%n hour(s) ago": "%n 小时前",
    "(identity token)": "（身份令牌）",
    "%1 (written as %2)": "%1（写作 %2）",
    "Never used: %1 wins for every image this entry could serve.": "从不使用：对于此条目可服务的每个镜像，%1 都优先。",
    "Not tested against the registry in this session.": "本次会话中尚未在镜像仓库上测试。",
    "Key": "键",
    "User": "用户名",
    "Source": "来源",
    "Shadowed By": "被遮蔽于",
    "Last Verified": "上次验证",
    "Add Credential": "添加凭据",
    "Edit Credential": "编辑凭据",
    "registry.example:5000 or quay.io/team": "registry.example:5000 或 quay.io/team",
    "REGISTRY[/NAMESPACE[/REPO]]: the most specific key that matches an image wins.":
        "REGISTRY[/NAMESPACE[/REPO]]：与镜像匹配的最具体的键优先。",
    "%1 (default)": "%1（默认）",
    "The auth file to write to. When it names a credential helper for the registry, the helper keeps the password instead.":
        "要写入的认证文件。如果该文件为此镜像仓库指定了凭据助手，则改由该助手保存密码。",
    "&Log in to the registry first (store only if it accepts the password)": "先登录镜像仓库（仅在其接受密码后保存）(&L)",
    "&Save": "保存(&S)",
    "&Key:": "键(&K)：",
    "&Store in:": "保存到(&S)：",
    "Enter a user name and a password.": "请输入用户名和密码。",
    "Logging in to %1…": "正在登录 %1…",
    "Storing the credential for %1…": "正在保存 %1 的凭据…",
    "Not stored: %1": "未保存：%1",
    "&Add…": "添加(&A)…",
    "Add a credential to an auth file (or the helper it names)": "将凭据添加到认证文件（或其指定的凭据助手）",
    "&Edit…": "编辑(&E)…",
    "Replace the user and password of the selected credential": "替换所选凭据的用户名和密码",
    "&Remove": "移除(&R)",
    "Remove the selected credential from its source": "从来源中移除所选凭据",
    "&Test Login": "测试登录(&T)",
    "Log in to the registry with the selected credential (nothing is stored)": "使用所选凭据登录镜像仓库（不保存任何内容）",
    "E&xport as Pull Secret…": "导出为拉取密钥(&X)…",
    "A Kubernetes Secret of type kubernetes.io/dockerconfigjson for the selected credentials":
        "为所选凭据生成 kubernetes.io/dockerconfigjson 类型的 Kubernetes Secret",
    "Re&load": "重新加载(&L)",
    "Read the auth files and credential helpers again": "重新读取认证文件和凭据助手",
    "Ex&plain image:": "解释镜像(&P)：",
    "quay.io/team/app:v1 — which credential would a push or pull use?": "quay.io/team/app:v1 — 推送或拉取时会使用哪个凭据？",
    "Explain": "解释",
    "Type an image reference and press Explain to see which credential it uses and why the others do not.":
        "输入镜像引用并点击“解释”，查看它使用哪个凭据以及其他凭据为何未被使用。",
    "Searched, in order: %1": "按顺序搜索：%1",
    "Some credentials could not be read; the others are listed:": "部分凭据无法读取；其余凭据已列出：",
    "Logged in and stored %1 in %2.": "已登录，并将 %1 保存到 %2。",
    "Stored %1 in %2 (not verified).": "已将 %1 保存到 %2（未验证）。",
    "Remove Credential": "移除凭据",
    "Remove the credential for %1 from %2?": "要从 %2 中移除 %1 的凭据吗？",
    "Removed %1 from %2.": "已从 %2 中移除 %1。",
    "Could not remove %1: %2": "无法移除 %1：%2",
    "Removing %1…": "正在移除 %1…",
    "Logging in to %1 with %2…": "正在使用 %2 登录 %1…",
    "an identity token": "身份令牌",
    "Login succeeded: %1 accepted %2 (%3).": "登录成功：%1 接受了 %2（%3）。",
    "Login failed: %1": "登录失败：%1",
    "Type an image reference, e.g. quay.io/team/app:v1.": "请输入镜像引用，例如 quay.io/team/app:v1。",
    "Not an image reference: %1": "不是镜像引用：%1",
    "Cannot tell: %1": "无法判断：%1",
    "&Tools": "工具(&T)",
    "&Credentials…": "凭据(&C)…",
    "List, add, test and remove registry credentials": "列出、添加、测试和移除镜像仓库凭据",
    "Credentials": "凭据",
    "Credentials — Stevedore": "凭据 — Stevedore",
    "Export as Pull Secret": "导出为拉取密钥",
    "none (the namespace kubectl applies it to)": "无（由 kubectl 应用到的命名空间决定）",
    "YAML": "YAML",
    "JSON": "JSON",
    "&Copy": "复制(&C)",
    "&Save…": "保存(&S)…",
    "&Name:": "名称(&N)：",
    "Name&space:": "命名空间(&S)：",
    "&Format:": "格式(&F)：",
    "Reading %n credential(s)…": "正在读取 %n 个凭据…",
    "Cannot read the credentials: %1": "无法读取凭据：%1",
    "%1: %2": "%1：%2",
    "Left out (no credentials could be read):": "已略过（无法读取凭据）：",
    "There are no credentials to export.": "没有可导出的凭据。",
    "A Secret of type kubernetes.io/dockerconfigjson with %n registry key(s). It holds the passwords: keep it out of version control.":
        "一个包含 %n 个镜像仓库键的 kubernetes.io/dockerconfigjson 类型 Secret。其中含有密码：请勿提交到版本控制。",
    "Copied to the clipboard.": "已复制到剪贴板。",
    "Save Pull Secret": "保存拉取密钥",
    "JSON files (*.json)": "JSON 文件 (*.json)",
    "YAML files (*.yaml *.yml)": "YAML 文件 (*.yaml *.yml)",
    "All files (*)": "所有文件 (*)",
    "There is nothing to save yet.": "还没有可保存的内容。",
    "Cannot write %1: %2": "无法写入 %1：%2",
    "Saved to %1 (readable by you only).": "已保存到 %1（仅您本人可读）。",
}

# English needs only the plural forms.
EN_PLURALS = {
    "%n minute(s) ago": ["%n minute ago", "%n minutes ago"],
    "%n hour(s) ago": ["%n hour ago", "%n hours ago"],
    "Reading %n credential(s)…": ["Reading %n credential…", "Reading %n credentials…"],
    "A Secret of type kubernetes.io/dockerconfigjson with %n registry key(s). It holds the passwords: keep it out of version control.": [
        "A Secret of type kubernetes.io/dockerconfigjson with %n registry key. It holds the password: keep it out of version control.",
        "A Secret of type kubernetes.io/dockerconfigjson with %n registry keys. It holds the passwords: keep it out of version control."],
    "%n local image(s)": ["%n local image", "%n local images"],
    "Only the first of %n dropped images is pushed at a time.": [
        "Only the first of %n dropped images is pushed at a time.",
        "Only the first of %n dropped images is pushed at a time."],
}


ZH_EDITOR = {
    # The manifest list editor (models/manifestlistmodel, ui/manifesteditor*, ui/openlistdialog, ui/platformdelegate)
    'annotation "%1" is not KEY=VALUE (separate annotations with ";")': '注解“%1”不是 KEY=VALUE 形式（多个注解用“;”分隔）',
    "The list is empty: add images first.": "列表为空：请先添加镜像。",
    "Row %1: %2 is still being read.": "第 %1 行：仍在读取 %2。",
    "Row %1: %2": "第 %1 行：%2",
    "reading the image was cancelled": "读取镜像已取消",
    "%1 has no image for this list": "%1 中没有可用于此列表的镜像",
    "%1 cannot be read: %2": "无法读取 %1：%2",
    "os is required": "必须填写 os",
    "architecture is required": "必须填写 architecture",
    "architecture %1 takes no variant": "架构 %1 没有变体",
    'unknown variant "%1" for %2: valid values are %3': "%2 的变体“%1”未知：有效值为 %3",
    "platform %1 is listed %2 times (rows %3)": "平台 %1 出现了 %2 次（第 %3 行）",
    "the image %1 is listed %2 times (rows %3)": "镜像 %1 出现了 %2 次（第 %3 行）",
    "Reading %1…": "正在读取 %1…",
    "Cannot read: %1": "无法读取：%1",
    "Reading %1 on the engine…": "引擎正在读取 %1…",
    "%1, added as %2": "%1，以 %2 添加",
    "%1 bytes": "%1 字节",
    "Where the image is read from when the list is pushed": "推送列表时从何处读取该镜像",
    "Comma-separated, e.g. win32k": "以逗号分隔，例如 win32k",
    'KEY=VALUE pairs separated by ";"': "以“;”分隔的 KEY=VALUE 对",
    "Image": "镜像",
    "Media Type": "媒体类型",
    "OS": "操作系统",
    "Architecture": "架构",
    "Variant": "变体",
    "OS Version": "系统版本",
    "OS Features": "系统特性",
    "Annotations": "注解",
    "Add %1": "添加 %1",
    "Add %n image(s)": "添加 %n 个镜像",
    "Set %1": "设置%1",
    "Assemble a multi-platform manifest list from images: drop them in the editor, set their platforms, save the list and push it.":
        "用镜像组装多平台清单列表：将镜像拖放到编辑器中，设置其平台，保存列表并推送。",
    "Open Manifest List &Editor…": "打开清单列表编辑器(&E)…",
    "&Manifest List Editor…": "清单列表编辑器(&M)…",
    "Assemble, annotate, save and push a manifest list": "组装、注解、保存并推送清单列表",
    "&New": "新建(&N)",
    "Start an empty list": "新建一个空列表",
    "&Open List…": "打开列表(&O)…",
    "Open a list saved in the local store, or a list in a registry": "打开本地存储中保存的列表，或镜像仓库中的列表",
    "&Save": "保存(&S)",
    "Save the list in the local store under the name given": "以给定的名称将列表保存到本地存储",
    "&Push…": "推送(&P)…",
    "Save the list, then push it and its images (every platform) through the push queue":
        "保存列表，然后通过推送队列推送列表及其镜像（所有平台）",
    "Remove the selected rows": "删除所选行",
    "Move &Up": "上移(&U)",
    "Move &Down": "下移(&D)",
    "List &name:": "列表名称(&N)：",
    "registry.example:5000/team/app:v1": "registry.example:5000/team/app:v1",
    "&Verify TLS certificates": "验证 TLS 证书(&V)",
    "Unchecked: images in registries are read over http or with unverified certificates":
        "不勾选：通过 http 或不验证证书读取镜像仓库中的镜像",
    "&Image:": "镜像(&I)：",
    "myapp:v1, oci:/path/to/layout:tag or docker://host/repo:tag": "myapp:v1、oci:/path/to/layout:tag 或 docker://host/repo:tag",
    "All &platforms of an index": "索引的所有平台(&P)",
    "&Add": "添加(&A)",
    "Drop images here from the local images or a registry; drag rows to reorder them":
        "从本地镜像或镜像仓库将镜像拖放到这里；拖动行可调整顺序",
    "Manifest List Editor — Stevedore": "清单列表编辑器 — Stevedore",
    "&Undo %1": "撤销 %1(&U)",
    "&Undo": "撤销(&U)",
    "&Redo %1": "重做 %1(&R)",
    "&Redo": "重做(&R)",
    "… and %n more": "……还有 %n 项",
    "Move %n row(s)": "移动 %n 行",
    "Opened %1 (%2)": "已打开 %1（%2）",
    "Enter a name for the list, e.g. registry.example:5000/team/app:v1.": "请输入列表名称，例如 registry.example:5000/team/app:v1。",
    "The list cannot be saved yet: %1": "列表暂时无法保存：%1",
    "Saving %1…": "正在保存 %1…",
    "Replace List": "替换列表",
    "A list named %1 is already in the local store. Replace it?": "本地存储中已有名为 %1 的列表。要替换它吗？",
    "&Replace": "替换(&R)",
    "Not saved: %1 exists.": "未保存：%1 已存在。",
    "Cannot save the list: %1": "无法保存列表：%1",
    "Saved %1 (%2)": "已保存 %1（%2）",
    "Move row %1 to %2": "将第 %1 行移到第 %2 行",
    "Remove %n row(s)": "删除 %n 行",
    "Open Manifest List": "打开清单列表",
    "A list saved in the &local store:": "本地存储中保存的列表(&L)：",
    "A list in a &registry:": "镜像仓库中的列表(&R)：",
    "Reading the local lists…": "正在读取本地列表…",
    "Cannot read the local lists: %1": "无法读取本地列表：%1",
    "%1 (%n image(s))": "%1（%n 个镜像）",
    "No list is saved in the local store yet.": "本地存储中还没有保存任何列表。",
    "key=value; key2=value2": "key=value; key2=value2",
    "feature1, feature2": "feature1, feature2",
    "(none)": "（无）",
    "Architecture %1 takes no variant": "架构 %1 没有变体",
    "OCI manifest": "OCI 清单",
    "OCI index": "OCI 索引",
    "Docker v2s2": "Docker v2s2",
    "Docker manifest list": "Docker 清单列表",
    "%n image(s) in the list": "列表中有 %n 个镜像",
    # Preferences and the scheduled re-import (ui/preferencesdialog, ui/mainwindow)
    "&Preferences…": "首选项(&P)…",
    "How often the scheduled images are re-imported": "计划镜像重新导入的频率",
    "Scheduled re-import failed: %1": "计划重新导入失败：%1",
    "%1 (%2 → %3)": "%1（%2 → %3）",
    "%1 (new: %2)": "%1（新：%2）",
    "Re-imported %n scheduled image(s): %1": "已重新导入 %n 个计划镜像：%1",
    "%n scheduled import(s) failed: %1": "%n 个计划导入失败：%1",
    "Scheduled images checked: nothing changed (%n scheduled)": "已检查计划镜像：没有变化（共 %n 个计划）",
    "Preferences": "首选项",
    "Re-import &scheduled images every:": "重新导入计划镜像的间隔(&S)：",
    " min": " 分钟",
    "Never": "从不",
    "Images scheduled with “stevedore import-image --scheduled --confirm” are imported again when their source changed; the local images are then read again.":
        "用“stevedore import-image --scheduled --confirm”计划的镜像在其来源变化时会重新导入；之后重新读取本地镜像。",
}
ZH_CN.update(ZH_EDITOR)

EN_PLURALS.update({
    "Add %n image(s)": ["Add %n image", "Add %n images"],
    "%n image(s) in the list": ["%n image in the list", "%n images in the list"],
    "Remove %n row(s)": ["Remove %n row", "Remove %n rows"],
    "Move %n row(s)": ["Move %n row", "Move %n rows"],
    "… and %n more": ["… and %n more", "… and %n more"],
    "%1 (%n image(s))": ["%1 (%n image)", "%1 (%n images)"],
    "Re-imported %n scheduled image(s): %1": ["Re-imported %n scheduled image: %1", "Re-imported %n scheduled images: %1"],
    "%n scheduled import(s) failed: %1": ["%n scheduled import failed: %1", "%n scheduled imports failed: %1"],
    "Scheduled images checked: nothing changed (%n scheduled)": [
        "Scheduled images checked: nothing changed (%n scheduled)",
        "Scheduled images checked: nothing changed (%n scheduled)"],
})


# The registry browser (models/registrytreemodel, ui/registrybrowser); strings already above keep their translation.
ZH_BROWSER = {
    " (no layer)": "（无层）",
    "%1 (no certificate checks)": "%1（不检查证书）",
    "%1 answered something unexpected: %2": "%1 的回答出乎意料：%2",
    "%1 asks to slow down: try again in a moment.": "%1 要求放慢速度：请稍后再试。",
    "%1 did not accept the login: log in again, or check the user and password in Credentials.":
        "%1 不接受此登录：请重新登录，或在“凭据”中检查用户名和密码。",
    "%1 does not allow this (deleting may not be enabled on it).": "%1 不允许此操作（可能未启用删除）。",
    "%1 does not allow this user to see this.": "%1 不允许此用户查看此内容。",
    "%1 does not have this (it may have been deleted).": "%1 上没有此内容（可能已被删除）。",
    "%1 had an internal error: try again later.": "%1 出现内部错误：请稍后再试。",
    "%1 is now reached with the certificates of %2.": "现在使用 %2 中的证书访问 %1。",
    "%1 needs a login.": "%1 需要登录。",
    "%1\nReading…": "%1\n正在读取…",
    "&Add Registry…": "添加镜像仓库(&A)…",
    "&Certificate folder:": "证书文件夹(&C)：",
    "&Copy Digest": "复制摘要(&C)",
    "&Delete…": "删除(&D)…",
    "&Log In…": "登录(&L)…",
    "&Open Repository": "打开仓库(&O)",
    "&Retry": "重试(&R)",
    "&Trust Certificate Folder…": "信任证书文件夹(&T)…",
    "(no platform)": "（无平台）",
    "Add Registry": "添加镜像仓库",
    "An index has no config: choose one of its platform images.": "索引没有配置：请选择其中一个平台镜像。",
    "Browse…": "浏览…",
    "Cannot reach %1: check the address and that the registry is running.": "无法连接 %1：请检查地址以及镜像仓库是否在运行。",
    "Certificate Folder": "证书文件夹",
    "Check the registry's TLS certificate": "检查镜像仓库的 TLS 证书",
    "Choose a tag or a platform image to delete.": "请选择要删除的标签或平台镜像。",
    "Choose a tag or a platform image to see its details.": "选择一个标签或平台镜像以查看其详细信息。",
    "Choose the registry the repository is in first.": "请先选择仓库所在的镜像仓库。",
    "Command: %1": "命令：%1",
    "Config": "配置",
    "Copied %1.": "已复制 %1。",
    "Copy &Manifest": "复制清单(&M)",
    "Created: %1": "创建时间：%1",
    "Delete %1 from the registry?\n\nThe registry deletes the manifest %2 and every tag that names it. This cannot be undone.":
        "从镜像仓库中删除 %1？\n\n镜像仓库将删除清单 %2 以及指向它的所有标签。此操作无法撤销。",
    "Delete Image": "删除镜像",
    "Deleted %1.": "已删除 %1。",
    "Deleting %1…": "正在删除 %1…",
    "Digest": "摘要",
    "Digest: %1": "摘要：%1",
    "Entry": "条目",
    "Entrypoint: %1": "入口点：%1",
    "Environment:": "环境变量：",
    "Filter by name": "按名称筛选",
    "History:": "历史：",
    "Labels:": "标签：",
    "Layer %1\n%2, %3": "层 %1\n%2，%3",
    "Loading…": "正在加载…",
    "Manifest": "清单",
    "Media type": "媒体类型",
    "Name": "名称",
    "Platform: %1": "平台：%1",
    "Reading…": "正在读取…",
    "Registry &URL:": "镜像仓库地址(&U)：",
    "Repository name, e.g. team/app": "仓库名称，例如 team/app",
    "Size": "大小",
    "Stopped.": "已停止。",
    "Summary": "概要",
    "The certificate of %1 is not trusted: trust the folder holding its CA certificate, or add the registry again without certificate checks.":
        "%1 的证书不受信任：请信任存放其 CA 证书的文件夹，或以不检查证书的方式重新添加该镜像仓库。",
    "The credentials for %1 cannot be read: an auth file is damaged (see Credentials).": "无法读取 %1 的凭据：某个认证文件已损坏（见“凭据”）。",
    "This registry does not list its repositories here: type a repository name to open it.":
        "此镜像仓库不在此列出其仓库：请输入仓库名称以打开它。",
    "User: %1": "用户：%1",
    "Working directory: %1": "工作目录：%1",
    "config": "配置",
    "it names": "它指向的清单",
    "layer %1": "层 %1",
    "registry.example.com:5000": "registry.example.com:5000",
    "the system's (certs.d)": "系统的（certs.d）",
    "%1, %n platform image(s)": "%1，%n 个平台镜像",
    "%1, %n layer(s), %2 in all (compressed)": "%1，%n 个层，共 %2（压缩后）",
    "%1 in all (compressed, every platform)": "共 %1（压缩后，所有平台）",
}
for _key, _value in ZH_BROWSER.items():
    ZH_CN.setdefault(_key, _value)
EN_PLURALS.update({
    "%1, %n platform image(s)": ["%1, %n platform image", "%1, %n platform images"],
    "%1, %n layer(s), %2 in all (compressed)": ["%1, %n layer, %2 in all (compressed)",
                                                 "%1, %n layers, %2 in all (compressed)"],
})


# Per-area tables: translations/zh_CN.d/<area>.json holds {"source": "translation", ...} and, optionally,
# "__en_plurals__": {"source with %n": ["singular", "plural"]}. One file per area keeps parallel work apart.
for _area in sorted((HERE / "zh_CN.d").glob("*.json")):
    _table = json.loads(_area.read_text(encoding="utf-8"))
    EN_PLURALS.update(_table.pop("__en_plurals__", {}))
    for _key, _value in _table.items():
        ZH_CN.setdefault(_key, _value)


def fill(path: Path, table: dict, plurals: dict) -> list:
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        numerus = message.get("numerus") == "yes"
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        translation.attrib.pop("type", None)
        if numerus and source in plurals:
            for form in plurals[source]:
                ET.SubElement(translation, "numerusform").text = form
        elif numerus and source in table:
            ET.SubElement(translation, "numerusform").text = table[source]
        elif not numerus and source in table:
            translation.text = table[source]
        else:
            translation.set("type", "unfinished")
            if table:
                missing.append(source)
    ET.indent(tree, space="    ")
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    return missing


if __name__ == "__main__":
    missing = fill(HERE / "stevedore_zh_CN.ts", ZH_CN, {})
    fill(HERE / "stevedore_en.ts", {}, EN_PLURALS)
    for m in missing:
        print("zh_CN: no translation for", repr(m), file=sys.stderr)
    sys.exit(1 if missing else 0)
