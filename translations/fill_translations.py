#!/usr/bin/env python3
"""Fills translations/stevedore_<lang>.ts from the tables below after `lupdate` (target stevedore_ui_lupdate)
added new source strings. Usage: python3 translations/fill_translations.py. Unknown strings stay unfinished
and are listed, so a missing translation is visible."""
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
}

# English needs only the plural forms.
EN_PLURALS = {
    "%n local image(s)": ["%n local image", "%n local images"],
    "Only the first of %n dropped images is pushed at a time.": [
        "Only the first of %n dropped images is pushed at a time.",
        "Only the first of %n dropped images is pushed at a time."],
}


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
