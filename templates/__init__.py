"""Templates shipped with paldocs (Jinja2 → Markdown, print CSS, reference.docx). Data only."""
