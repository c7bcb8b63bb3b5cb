"""kg: a knowledge graph of international actors and retaliation chains."""

__version__ = "0.1.0"
