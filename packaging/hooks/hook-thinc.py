"""thinc for desk: its registries without its test suite (which imports pytest)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("thinc", filter=lambda n: ".tests" not in n)
# keep *.cu: thinc.backends reads _custom_kernels.cu at import time, GPU or not
datas = collect_data_files("thinc", excludes=["**/tests/**", "**/*.pyx", "**/*.pxd"])
