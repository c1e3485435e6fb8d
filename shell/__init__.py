"""The Streamlit shell: the cached read-only connection and reports, language and sign-in, sidebar
filters, cards and tables on a page, downloads. Draws with the presentation package; pages call it."""
