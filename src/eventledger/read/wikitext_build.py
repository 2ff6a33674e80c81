"""A faster tree builder for mwparserfromhell's token stream.

mwparserfromhell parses in two steps: its C tokenizer turns the text into a flat list of tokens,
and a Python ``Builder`` turns the tokens into the node tree. The tokenizer is fast (about 1 ms
for a median corpus article); the builder takes about five times as long, most of it in the
nodes' property setters, each of which passes its (already built) value through
``parse_anything`` again, and in ``Token.__getattr__``.

:func:`parse` builds the very same tree (the same node classes with the same attribute values,
so ``str(tree) == text`` and every property reads the same) but sets the nodes' attributes
directly, as their setters would have set them for the values a token stream can hold. Node
kinds whose setters do more than store a value (``Attribute``, ``HTMLEntity``) are built with
their own constructors. ``tests/test_wikitext_build.py`` compares both trees node by node over
the corpus.
"""

from __future__ import annotations

from typing import Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import Parser, ParserError, tokens
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

__all__ = ["parse"]

_new = object.__new__
_get = dict.get

_T_TEXT = tokens.Text
_T_TPL_SEP = tokens.TemplateParamSeparator
_T_TPL_EQ = tokens.TemplateParamEquals
_T_TPL_CLOSE = tokens.TemplateClose
_T_ARG_SEP = tokens.ArgumentSeparator
_T_ARG_CLOSE = tokens.ArgumentClose
_T_LINK_SEP = tokens.WikilinkSeparator
_T_LINK_CLOSE = tokens.WikilinkClose
_T_EXT_SEP = tokens.ExternalLinkSeparator
_T_EXT_CLOSE = tokens.ExternalLinkClose
_T_HEAD_END = tokens.HeadingEnd
_T_COMMENT_END = tokens.CommentEnd
_T_ATTR_START = tokens.TagAttrStart
_T_ATTR_EQ = tokens.TagAttrEquals
_T_ATTR_QUOTE = tokens.TagAttrQuote
_T_CLOSE_OPEN = tokens.TagCloseOpen
_T_OPEN_CLOSE = tokens.TagOpenClose
_T_SELFCLOSE = tokens.TagCloseSelfclose
_T_CLOSE_CLOSE = tokens.TagCloseClose


def _code(nodes: list[Any]) -> Wikicode:
    code = _new(Wikicode)
    code._nodes = SmartList(nodes)
    return code


def _text(value: str) -> Text:
    node = _new(Text)
    node._value = value
    return node


class _Builder:
    """The builder of ``mwparserfromhell.parser.builder.Builder``, minus the setters' work."""

    def __init__(self, toks: list[Any]) -> None:
        toks.reverse()
        self.toks = toks
        self.handlers = {
            tokens.Text: self._t_text,
            tokens.TemplateOpen: self._t_template,
            tokens.ArgumentOpen: self._t_argument,
            tokens.WikilinkOpen: self._t_wikilink,
            tokens.ExternalLinkOpen: self._t_external_link,
            tokens.HTMLEntityStart: self._t_entity,
            tokens.HeadingStart: self._t_heading,
            tokens.CommentStart: self._t_comment,
            tokens.TagOpenOpen: self._t_tag,
        }

    def node(self, token: Any) -> Any:
        try:
            handler = self.handlers[type(token)]
        except KeyError:
            raise ParserError(f"unexpected {type(token).__name__}") from None
        return handler(token)

    def build(self) -> Wikicode:
        toks, node = self.toks, self.node
        out = []
        while toks:
            out.append(node(toks.pop()))
        return _code(out)

    def _t_text(self, token: Any) -> Text:
        return _text(str(_get(token, "text")))

    def _until(self, stops: tuple[type, ...]) -> tuple[list[Any], Any]:
        """Nodes up to the next token of a type in *stops*; return them and that token."""
        toks, node = self.toks, self.node
        out = []
        while toks:
            token = toks.pop()
            kind = type(token)
            if kind is _T_TEXT:  # most tokens: inlined
                leaf = _new(Text)
                leaf._value = str(_get(token, "text"))
                out.append(leaf)
            elif kind in stops:
                return out, token
            else:
                out.append(node(token))
        raise ParserError("missed a close token")

    def _t_template(self, token: Any) -> Template:
        nodes, token = self._until((_T_TPL_SEP, _T_TPL_CLOSE))
        name = _code(nodes)
        params = []
        default = 1
        while type(token) is _T_TPL_SEP:
            key = None
            nodes, token = self._until((_T_TPL_EQ, _T_TPL_SEP, _T_TPL_CLOSE))
            while type(token) is _T_TPL_EQ:  # as the original: a later "=" makes a new key
                key = _code(nodes)
                nodes, token = self._until((_T_TPL_EQ, _T_TPL_SEP, _T_TPL_CLOSE))
            param = _new(Parameter)
            if key is not None:
                param._name = key
                param._showkey = True
            else:
                param._name = _code([_text(str(default))])
                param._showkey = False
                default += 1
            param._value = _code(nodes)
            params.append(param)
        tpl = _new(Template)
        tpl._name = name
        tpl._params = params
        return tpl

    def _segments(self, sep: type, close: type) -> tuple[list[list[Any]], Any]:
        """Node lists between separators up to the close token, and the last separator token.

        As in the original builder, only the last two segments count (``[[a|b|c]]`` is the
        link ``b`` with text ``c``); the tokenizer does not emit more than one separator.
        """
        nodes, token = self._until((sep, close))
        segs = [nodes]
        last = None
        while type(token) is sep:
            last = token
            nodes, token = self._until((sep, close))
            segs.append(nodes)
        return segs, last

    def _t_argument(self, token: Any) -> Argument:
        segs, _ = self._segments(_T_ARG_SEP, _T_ARG_CLOSE)
        arg = _new(Argument)
        arg._name = _code(segs[-2] if len(segs) > 1 else segs[0])
        arg._default = _code(segs[-1]) if len(segs) > 1 else None
        return arg

    def _t_wikilink(self, token: Any) -> Wikilink:
        segs, _ = self._segments(_T_LINK_SEP, _T_LINK_CLOSE)
        link = _new(Wikilink)
        link._title = _code(segs[-2] if len(segs) > 1 else segs[0])
        link._text = _code(segs[-1]) if len(segs) > 1 else None
        return link

    def _t_external_link(self, token: Any) -> ExternalLink:
        brackets = _get(token, "brackets")
        segs, sep = self._segments(_T_EXT_SEP, _T_EXT_CLOSE)
        link = _new(ExternalLink)
        link._url = _code(segs[-2] if len(segs) > 1 else segs[0])
        link._title = _code(segs[-1]) if len(segs) > 1 else None
        link._brackets = bool(brackets)
        link.suppress_space = sep is not None and _get(sep, "suppress_space") is True
        return link

    def _t_entity(self, token: Any) -> HTMLEntity:
        toks = self.toks
        token = toks.pop()
        if type(token) is tokens.HTMLEntityNumeric:
            token = toks.pop()
            if type(token) is tokens.HTMLEntityHex:
                text = toks.pop()
                toks.pop()  # HTMLEntityEnd
                return HTMLEntity(
                    _get(text, "text"), named=False, hexadecimal=True, hex_char=_get(token, "char")
                )
            toks.pop()
            return HTMLEntity(_get(token, "text"), named=False, hexadecimal=False)
        toks.pop()
        return HTMLEntity(_get(token, "text"), named=True, hexadecimal=False)

    def _t_heading(self, token: Any) -> Heading:
        level = _get(token, "level")
        if not 1 <= level <= 6:  # pragma: no cover - the tokenizer makes 1..6 only
            raise ParserError(f"heading level {level}")
        nodes, _ = self._until((_T_HEAD_END,))
        head = _new(Heading)
        head._title = _code(nodes)
        head._level = int(level)
        return head

    def _t_comment(self, token: Any) -> Comment:
        nodes, _ = self._until((_T_COMMENT_END,))
        com = _new(Comment)
        com._contents = "".join(str(n) for n in nodes)
        return com

    def _attribute(self, start: Any) -> Attribute:
        toks, node = self.toks, self.node
        name = None
        quotes = None
        out: list[Any] = []
        while toks:
            token = toks.pop()
            kind = type(token)
            if kind is _T_ATTR_EQ:
                name = _code(out)
                out = []
            elif kind is _T_ATTR_QUOTE:
                quotes = _get(token, "char")
            elif kind is _T_ATTR_START or kind is _T_CLOSE_OPEN or kind is _T_SELFCLOSE:
                toks.append(token)
                if name:
                    value: Wikicode | None = _code(out)
                else:
                    name, value = _code(out), None
                return Attribute(
                    name,
                    value,
                    quotes,
                    _get(start, "pad_first"),
                    _get(start, "pad_before_eq"),
                    _get(start, "pad_after_eq"),
                )
            else:
                out.append(node(token))
        raise ParserError("attribute missed a close token")

    def _t_tag(self, token: Any) -> Tag:
        toks, node = self.toks, self.node
        wiki_markup = _get(token, "wiki_markup")
        invalid = _get(token, "invalid") or False
        wiki_style_separator = None
        closing_wiki_markup = wiki_markup
        tag = contents = closing_tag = None
        padding = None
        implicit = self_closing = False
        attrs = []
        out: list[Any] = []
        while True:
            if not toks:
                raise ParserError("tag missed a close token")
            token = toks.pop()
            kind = type(token)
            if kind is _T_ATTR_START:
                attrs.append(self._attribute(token))
            elif kind is _T_CLOSE_OPEN:
                wiki_style_separator = _get(token, "wiki_markup")
                padding = _get(token, "padding") or ""
                tag = _code(out)
                out = []
            elif kind is _T_OPEN_CLOSE:
                closing_wiki_markup = _get(token, "wiki_markup")
                contents = _code(out)
                out = []
            elif kind is _T_SELFCLOSE:
                closing_wiki_markup = _get(token, "wiki_markup")
                tag = _code(out)
                self_closing = True
                padding = _get(token, "padding") or ""
                implicit = _get(token, "implicit") or False
                break
            elif kind is _T_CLOSE_CLOSE:
                closing_tag = _code(out)
                break
            else:
                out.append(node(token))
        if tag is None or padding is None:  # pragma: no cover - tokenizer bug
            raise ParserError("tag without a name")
        if padding and not padding.isspace():  # pragma: no cover - as Tag.padding refuses
            raise ParserError("tag padding must be whitespace")
        t = _new(Tag)
        t._tag = t._closing_tag = tag
        t._contents = contents if contents is not None else _code([])
        t._attrs = attrs
        t._wiki_markup = str(wiki_markup) if wiki_markup else None
        t._closing_wiki_markup = t._wiki_markup
        t._self_closing = self_closing
        t._invalid = bool(invalid)
        t._implicit = bool(implicit)
        t._padding = padding
        if closing_tag is not None:
            t._closing_tag = closing_tag
        t._wiki_style_separator = str(wiki_style_separator) if wiki_style_separator else None
        if closing_wiki_markup is not None:
            t._closing_wiki_markup = str(closing_wiki_markup) if closing_wiki_markup else None
        return t


def parse(text: str, *, skip_style_tags: bool = False) -> Wikicode:
    """Parse *text* like ``mwparserfromhell.parse(text, skip_style_tags=...)``, faster.

    :raises mwparserfromhell.parser.ParserError: on a token stream the builder cannot place
        (a bug in the tokenizer, as in mwparserfromhell's own builder).
    """
    toks = Parser()._tokenizer.tokenize(text, 0, skip_style_tags)
    return _Builder(toks).build()
