"""The OpenAPI document, with the brief's JSON Schema from :mod:`newsfuse.render` in it.

FastAPI describes the brief as a free-form object (it is produced by
``brief_to_dict``, not a pydantic model); here the render package's own
schema (draft 2020-12, which OpenAPI 3.1 speaks) replaces that placeholder,
so clients and tests can validate briefs against the published spec.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from newsfuse.render import load_schema

# Component names for the brief schema and its definitions ("BriefSentence", ...).
BRIEF_COMPONENT = "Brief"


def brief_components() -> dict[str, Any]:
    """The render package's brief schema as OpenAPI components, references rewritten."""
    schema = load_schema()
    definitions: dict[str, Any] = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)

    def component(name: str) -> str:
        return BRIEF_COMPONENT + name[:1].upper() + name[1:]

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    "#/components/schemas/" + component(value.removeprefix("#/$defs/"))
                    if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/")
                    else rewrite(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    components = {component(name): rewrite(body) for name, body in definitions.items()}
    components[BRIEF_COMPONENT] = rewrite(schema)
    return components


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """Generate (once) the app's OpenAPI document with the brief schema linked in."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(brief_components())
    brief_ref = {"$ref": f"#/components/schemas/{BRIEF_COMPONENT}"}
    brief_post = spec["paths"]["/api/brief"]["post"]
    brief_post["responses"]["200"]["content"]["application/json"]["schema"] = brief_ref
    story = schemas["StoryOut"]["properties"]
    story["brief"] = {**brief_ref, "description": story["brief"].get("description", "")}
    app.openapi_schema = spec
    return spec
