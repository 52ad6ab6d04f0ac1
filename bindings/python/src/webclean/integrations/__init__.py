"""Adapters for data pipelines. Each lives in its own module and imports its framework only when
that module is imported, so ``import webclean`` never needs them:

- :mod:`webclean.integrations.datatrove`: an extraction step for datatrove pipelines.
"""
