"""Streamlit-side helpers: connection, language, formatting, figures, filters."""
