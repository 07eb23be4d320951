"""Statements, speakers, sides, stance and tone in news about union-council labour disputes."""
from pipeline.config import Config, ConfigError, load_config
from pipeline.schema import Article, Statement

__all__ = ["Article", "Statement", "Config", "ConfigError", "load_config"]
__version__ = "0.1.0"
