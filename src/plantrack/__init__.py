"""plantrack: work-plan notices in, YAML plans, progress journals and quarterly reports out."""

__version__ = "0.1.0"
