"""The command line: thin typer commands over the library. Heavy imports stay inside the commands."""
