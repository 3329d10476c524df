# gui: the item models (models/) and the main window (ui/), run with QT_QPA_PLATFORM=offscreen.
# tst_models fills a temporary local store through the engine (CopyJob from OCI layouts written by
# stevedore_testsupport), so it needs the oci and local-store transports.
if(TARGET stevedore_testsupport)
  stevedore_add_test(NAME tst_models SOURCES tst_models.cpp LIBS stevedore_models stevedore_testsupport
                     LABELS gui TIMEOUT 180 GUI)
else()
  message(WARNING "tests/gui.cmake: stevedore_testsupport is missing; tst_models is not built")
endif()
stevedore_add_test(NAME tst_mainwindow SOURCES tst_mainwindow.cpp LIBS stevedore_ui
                   LABELS gui TIMEOUT 120 GUI)
