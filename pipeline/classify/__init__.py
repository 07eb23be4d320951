"""Stance and sentiment classification of statements."""
from pipeline.classify.errors import ModelLoadError
from pipeline.classify.features import ClassifierInput, classifier_input
from pipeline.classify.model import Prediction, StanceSentimentClassifier

__all__ = ["ClassifierInput", "classifier_input", "Prediction", "StanceSentimentClassifier",
           "ModelLoadError"]
