# copy: compression and the copy pipeline (engine/compress, engine/copy)
if(TARGET stevedore_testsupport)
  foreach(t tst_compress tst_decompress)
    stevedore_add_test(NAME ${t} SOURCES ${t}.cpp LIBS stevedore_engine stevedore_testsupport ZLIB::ZLIB PkgConfig::Zstd
                       LABELS copy TIMEOUT 300)
  endforeach()
endif()
# The copy pipeline's conversions, capabilities and signatures, with skopeo and zstd as oracles.
if(TARGET stevedore_testsupport)
  stevedore_add_test(NAME tst_pipeline SOURCES tst_pipeline.cpp LIBS stevedore_engine stevedore_testsupport
                     LABELS copy TIMEOUT 170)
endif()
