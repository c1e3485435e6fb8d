"""The executive briefing: the dashboard's figures as an editable PowerPoint and a PDF (content.py says
what the slides hold, slides.py and pdf.py write them). `python -m briefing` makes one from the command
line; the Briefing page makes the same files."""
