"""Text that comes from the data or from an upload (a file name, a header, a bureau, department or app
name that anyone typed into kintone) is shown as itself, never read as markup: a name cannot make a
link, an image fetched from another host, bold text or a colour. Every such value passes here first."""

from __future__ import annotations

# every character markdown (and Streamlit's :colour[...] and $math$) gives a meaning to
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~:$&"})
# plotly reads a few HTML tags (<a href>, <b>, <br>, <span style>) in every label, title and hover text
_PLOTLY = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


# markdown turns bare addresses into links by itself (http://…, www.…, someone@host): an invisible
# word joiner after their marker keeps them text
_AUTOLINKS = (("\\:/", "\\:\u2060/"), ("www\\.", "www\u2060\\."), ("@", "@\u2060"))


def markdown(text) -> str:
    """A value for st.markdown, st.caption, an expander or an alert: shown character for character."""
    escaped = str(text).translate(_MARKDOWN)
    for marker, broken in _AUTOLINKS:
        escaped = escaped.replace(marker, broken)
    return escaped


def plotly(text) -> str:
    """A value for a plotly label (axis category, bar name, treemap tile, hover): shown as itself."""
    return str(text).translate(_PLOTLY)


def plotly_all(values) -> list[str]:
    return [plotly(value) for value in values]
