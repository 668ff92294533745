"""trafficbot: answers citizens' traffic-service questions from a YAML knowledge base."""

__version__ = "0.1.0"
