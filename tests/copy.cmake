# copy: compression and the copy pipeline (engine/compress, engine/copy)
stevedore_add_test(NAME tst_compress SOURCES tst_compress.cpp LIBS stevedore_engine ZLIB::ZLIB PkgConfig::Zstd
                   LABELS copy TIMEOUT 300)
# The copy pipeline's conversions, capabilities and signatures, with skopeo and zstd as oracles.
if(TARGET stevedore_testsupport)
  stevedore_add_test(NAME tst_pipeline SOURCES tst_pipeline.cpp LIBS stevedore_engine stevedore_testsupport
                     LABELS copy TIMEOUT 170)
endif()
