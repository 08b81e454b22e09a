"""OPML subscription lists: read with listparser, written with ElementTree, categories kept."""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree

import defusedxml.ElementTree as SafeElementTree
import listparser
from defusedxml import DefusedXmlException

from newsfuse.errors import InputError
from newsfuse.feeds.model import Subscription


def read_opml(content: bytes, origin: str = "<opml>") -> tuple[Subscription, ...]:
    """The feeds of an OPML document, with their folders and ``category`` attributes.

    Raises :class:`InputError` when the document lists no feed at all.
    """
    # Bytes, never a str: listparser fetches a str that looks like a URL itself.
    parsed = listparser.parse(bytes(content))
    homepages = _read_homepages(content)
    subscriptions: dict[str, Subscription] = {}
    for feed in parsed.feeds:
        url = str(feed.get("url", "")).strip()
        if not url or url in subscriptions:
            continue
        categories = sorted(
            {"/".join(part.strip("/") for part in path if part.strip("/"))
             for path in feed.get("categories", [])} - {""}
        )  # fmt: skip
        subscriptions[url] = Subscription(
            url=url,
            title=str(feed.get("title", "") or "").strip(),
            homepage=homepages.get(url, ""),
            categories=tuple(categories),
        )
    if not subscriptions:
        problem = parsed.get("bozo_exception")
        reason = f" ({problem})" if problem else ""
        raise InputError(origin, f"no feeds found in the OPML document{reason}")
    return tuple(subscriptions.values())


def _read_homepages(content: bytes) -> dict[str, str]:
    # listparser drops htmlUrl; one safe pass over the outlines recovers it.
    try:
        root = SafeElementTree.fromstring(content)
    except (SafeElementTree.ParseError, DefusedXmlException):
        return {}
    return {
        node.get("xmlUrl", "").strip(): node.get("htmlUrl", "").strip()
        for node in root.iter("outline")
        if node.get("xmlUrl") and node.get("htmlUrl")
    }


def write_opml(subscriptions: Iterable[Subscription], title: str = "newsfuse sources") -> str:
    """An OPML 2.0 document: each feed in the folder of its first category, the rest as attributes.

    ``read_opml(write_opml(s))`` gives ``s`` back (categories being sorted).
    """
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    folders: dict[str, ElementTree.Element] = {"": body}
    for subscription in subscriptions:
        folder_path = subscription.categories[0] if subscription.categories else ""
        parent = _folder(folders, folder_path)
        attributes = {
            "type": "rss",
            "text": subscription.title or subscription.url,
            "title": subscription.title or subscription.url,
            "xmlUrl": subscription.url,
        }
        if subscription.homepage:
            attributes["htmlUrl"] = subscription.homepage
        if len(subscription.categories) > 1:
            attributes["category"] = ",".join(f"/{path}" for path in subscription.categories[1:])
        ElementTree.SubElement(parent, "outline", attributes)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(
        root, encoding="unicode"
    )


def _folder(folders: dict[str, ElementTree.Element], path: str) -> ElementTree.Element:
    if path in folders:
        return folders[path]
    parent_path, _, name = path.rpartition("/")
    parent = _folder(folders, parent_path)
    node = ElementTree.SubElement(parent, "outline", {"text": name, "title": name})
    folders[path] = node
    return node
