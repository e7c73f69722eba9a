from preferences.cli import app

app()
