"""Low-level text tools shared by the extractor and the attributor."""
