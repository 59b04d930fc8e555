"""Command-line tools: ``accounts …`` and ``keys …`` for operators and scripts, ``render`` for designers."""

from __future__ import annotations

import json
import os

import click
from flask import Flask
from flask.cli import AppGroup

from actions.common import connector
from connector.accounts.keys import ALL_SCOPES
from connector.runtime import embedded
from connector.runtime.errors import PlatenError


class _RedisGroup(AppGroup):
    """Commands on the service's Redis: with none to be found (no REDIS_URL, no ``make run`` data here), a plain
    sentence naming REDIS_URL and a non-zero exit, not a traceback, nor an empty answer from a private Redis."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except embedded.Refused as exc:
            raise click.ClickException(str(exc)) from None


accounts = _RedisGroup("accounts", help="Create and list accounts.")
keys = _RedisGroup("keys", help="Create, list and revoke API keys.")


def _fail(error: PlatenError):
    raise click.ClickException(error.message)


@accounts.command("create")
@click.argument("name")
@click.option("--email", default="", help="Contact address shown by GET /api/v1/me.")
@click.option("--credits", "monthly_credits", type=int, default=None,
              help="Monthly credit allowance (default: PLATEN_MONTHLY_CREDITS).")
def create_account(name, email, monthly_credits):
    """Create an account; its first live key (every scope) is printed alone on the last line."""
    try:
        account, key, secret = connector().accounts.create_account(name, email, monthly_credits)
    except PlatenError as exc:
        _fail(exc)
    click.echo(f"account {account.id} ({account.name}) created with key {key.id}; the key is shown only once:")
    click.echo(secret)


@accounts.command("list")
def list_accounts():
    """One line per account: id, name, email."""
    for account in connector().accounts.list_accounts():
        click.echo(f"{account.id}\t{account.name}\t{account.email}")


def _scopes(values: tuple[str, ...]) -> list[str] | None:
    """``--scopes a,b --scopes c`` and ``--scopes "a b"`` both work."""
    names = [s for v in values for s in v.replace(",", " ").split()]
    return names or None


@keys.command("create")
@click.option("--account", "account_id", required=True, help="The account id (acct_…).")
@click.option("--mode", type=click.Choice(["live", "test"]), default="live", show_default=True)
@click.option("--scopes", multiple=True, help=f"Comma-separated; default all: {','.join(ALL_SCOPES)}.")
@click.option("--label", default="", help="A name to tell keys apart, e.g. Zapier.")
def create_key(account_id, mode, scopes, label):
    """Create an API key; it is printed alone on the last line."""
    try:
        key, secret = connector().accounts.create_key(account_id, mode=mode, scopes=_scopes(scopes), label=label)
    except PlatenError as exc:
        _fail(exc)
    click.echo(f"key {key.id} ({key.mode}; {' '.join(key.scopes)}) created; it is shown only once:")
    click.echo(secret)


@keys.command("list")
@click.option("--account", "account_id", required=True)
def list_keys(account_id):
    """One line per live key: id, mode, label, hint."""
    for key in connector().accounts.list_keys(account_id, limit=1000):
        click.echo(f"{key.id}\t{key.mode}\t{key.label}\t{key.hint}")


@keys.command("revoke")
@click.argument("key_id")
@click.option("--account", "account_id", required=True)
def revoke_key(key_id, account_id):
    """Revoke a key at once."""
    try:
        connector().accounts.revoke_key(account_id, key_id)
    except PlatenError as exc:
        _fail(exc)
    click.echo(f"key {key_id} revoked")


# What -o's extension says, and what each --format is written as.
_EXTENSION_FORMATS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp", ".pdf": "pdf"}


def _field_values(pairs: tuple[str, ...]) -> dict:
    """``name=value`` pairs, as given."""
    values = {}
    for pair in pairs:
        name, eq, value = pair.partition("=")
        if not eq or not name:
            raise click.BadParameter(f"{pair!r}: write --field name=value, e.g. --field title=Hello",
                                     param_hint="--field")
        values[name] = value
    return values


def _sources_from_here(template: dict, values: dict) -> dict:
    """Image paths given with --field are relative to the current directory, as a shell user expects (paths
    inside the template stay relative to the template's folder). Text values are left alone, even when they
    happen to name a file."""
    from renderer import RendererError, Template, field_key

    try:
        model = Template.from_dict(template)
    except RendererError:
        return values   # render() says what is wrong with it
    out = {}
    for key, value in values.items():
        try:
            name, dot, prop = field_key(model, key).partition(".")
        except RendererError:
            out[key] = value
            continue
        layer = model.layer(name)
        spec = layer.props().get(prop if dot else layer.primary) if layer is not None else None
        if spec is not None and spec.kind == "src" and value and "://" not in value and \
                not value.startswith(("data:", "file:")):
            value = os.path.abspath(os.path.expanduser(value))
        out[key] = value
    return out


def _output_format(fmt: str | None, output: str) -> str:
    """The format to write: --format, else the -o extension, else PNG; a contradiction or an extension that is no
    format Platen writes is refused (a .gif holding PNG bytes is a broken file)."""
    ext = os.path.splitext(output)[1].lower()
    from_ext = _EXTENSION_FORMATS.get(ext)
    if ext and from_ext is None:
        raise click.BadParameter(f"{output}: Platen writes PNG, JPEG, WebP or PDF; name the file .png, .jpg, .webp "
                                 f"or .pdf (not {ext}).", param_hint="-o")
    wanted = {"jpg": "jpeg"}.get(fmt, fmt)
    if wanted and from_ext and wanted != from_ext:
        raise click.BadParameter(f"--format {fmt} writes {wanted.upper()}, but {output} ends in {ext}; make them "
                                 "agree (or leave --format out: the extension decides).", param_hint="--format")
    return wanted or from_ext or "png"


@click.command("render")
@click.argument("template_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--field", "field_pairs", multiple=True, metavar="NAME=VALUE",
              help="A field value (repeatable): title=Hello, title.color=#ff0055, logo=path/to/logo.png.")
@click.option("--format", "fmt", type=click.Choice(["png", "jpeg", "jpg", "webp", "pdf"], case_sensitive=False),
              default=None, help="Output format (default: from the -o extension, else png).")
@click.option("--quality", type=click.IntRange(1, 100), default=None, help="JPEG/WebP/PDF quality.")
@click.option("--scale", type=click.FloatRange(0.1, 4), default=1.0, show_default=True, help="2 for retina.")
@click.option("--page", type=click.IntRange(1), default=None, help="Only this page of a multi-page template.")
@click.option("--png-compression", type=click.Choice(["fast", "balanced", "small"]), default="fast",
              show_default=True, help="PNG speed/size trade-off.")
@click.option("--font-dir", "font_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of extra fonts (repeatable), besides the system's.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Where to write the image; pages of an image format get -p1, -p2 … before the extension.")
def render_command(template_file, field_pairs, fmt, quality, scale, page, png_compression, font_dirs, output):
    """Render a template file to an image, no server and no Redis needed (image sources in the template: paths
    relative to the template; in --field: paths relative to the current directory; or URLs, fetched under the
    server's rules: PLATEN_ALLOW_PRIVATE_NETWORKS, PLATEN_ALLOWED_PORTS …)."""
    from connector.fetch.fetcher import Fetcher
    from connector.fetch.sources import local_loader
    from connector.runtime.settings import Settings
    from renderer import RendererError, render
    from renderer.fonts import FontRegistry, default_registry

    try:
        with open(template_file, encoding="utf-8") as fh:
            template = json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{template_file} is not valid JSON: {exc}") from None
    fmt = _output_format(fmt, output)
    try:
        result = render(template, _sources_from_here(template, _field_values(field_pairs)), format=fmt,
                        quality=quality, scale=scale, page=page, png_compression=png_compression,
                        fonts=FontRegistry(font_dirs) if font_dirs else default_registry(),
                        load_image=local_loader(os.path.dirname(os.path.abspath(template_file)),
                                                fetch=Fetcher.from_settings(Settings.from_env()).load_image))
    except RendererError as exc:
        raise click.ClickException(exc.message) from None
    written = []
    if len(result.pages) > 1:
        stem, ext = os.path.splitext(output)
        for number, data in enumerate(result.pages, start=1):
            written.append((f"{stem}-p{number}{ext}", data))
    else:
        written.append((output, result.data))
    for path, data in written:
        with open(path, "wb") as fh:
            fh.write(data)
        click.echo(f"wrote {path} ({result.width}×{result.height} {result.format}, {len(data):,} bytes)")
    for warning in result.warnings:
        click.echo(f"warning: {warning['layer'] or '-'}: {warning['message']}", err=True)


def register(app: Flask) -> None:
    app.cli.add_command(accounts)
    app.cli.add_command(keys)
    app.cli.add_command(render_command)
