# copy: compression and the copy pipeline (engine/compress, engine/copy)
stevedore_add_test(NAME tst_compress SOURCES tst_compress.cpp LIBS stevedore_engine ZLIB::ZLIB PkgConfig::Zstd
                   LABELS copy TIMEOUT 300)
