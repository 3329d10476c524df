# import-image: the real `stevedore` binary against docker-registry (skopeo pushes the 4-platform sources and is the
# oracle), and the engine's scheduled-import API in process. Each test function stays well under a minute.
stevedore_add_test(NAME tst_importimage SOURCES tst_importimage.cpp
                   LIBS stevedore_engine stevedore_testsupport LABELS e2e TIMEOUT 240)
add_dependencies(tst_importimage stevedore)
