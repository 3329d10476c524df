# layouts: references, manifests, OCI layouts, dir:, oci-archive:, docker-archive:, the local store, inspect and CopyJob between local transports.
# Peers: skopeo and umoci (installed by scripts/install-deps.sh --test).
foreach(t tst_reference tst_manifest)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${t}.cpp)
    stevedore_add_test(NAME ${t} SOURCES ${t}.cpp LIBS stevedore_engine LABELS layouts TIMEOUT 120)
  endif()
endforeach()
foreach(t tst_ocilayout tst_dirtransport tst_ociarchive tst_dockerarchive tst_localstore tst_inspect tst_copy tst_manifestlist)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${t}.cpp)
    stevedore_add_test(NAME ${t} SOURCES ${t}.cpp LIBS stevedore_engine stevedore_testsupport LABELS layouts TIMEOUT 300)
  endif()
endforeach()
