# gui: the item models (models/) and the main window (ui/), run with QT_QPA_PLATFORM=offscreen.
# tst_models fills a temporary local store through the engine (CopyJob from OCI layouts written by
# stevedore_testsupport), so it needs the oci and local-store transports.
if(TARGET stevedore_testsupport)
  stevedore_add_test(NAME tst_models SOURCES tst_models.cpp LIBS stevedore_models stevedore_testsupport
                     LABELS gui TIMEOUT 180 GUI)
  stevedore_add_test(NAME tst_mainwindow SOURCES tst_mainwindow.cpp LIBS stevedore_ui stevedore_testsupport
                     LABELS gui TIMEOUT 120 GUI)
  # Every action: icons, keys without clashes, the Help list, keys pressed for real.
  stevedore_add_test(NAME tst_actions SOURCES tst_actions.cpp LIBS stevedore_ui stevedore_testsupport
                     LABELS gui TIMEOUT 120 GUI)
  # The credential manager against Debian's docker-registry with htpasswd users (RegistryFixture).
  stevedore_add_test(NAME tst_credentialmanager SOURCES tst_credentialmanager.cpp credentialmanagertest.h
                     LIBS stevedore_ui stevedore_testsupport LABELS gui auth TIMEOUT 180 GUI)
  # The manifest list editor: OCI layouts read without a network, the real CLI's `manifest inspect`, and a push
  # to Debian's docker-registry (RegistryFixture).
  stevedore_add_test(NAME tst_manifesteditor SOURCES tst_manifesteditor.cpp manifesteditortest.h
                     LIBS stevedore_ui stevedore_testsupport LABELS gui TIMEOUT 240 GUI)
  stevedore_add_test(NAME tst_manifesteditor_window SOURCES tst_manifesteditor_window.cpp manifesteditortest.h
                     LIBS stevedore_ui stevedore_testsupport LABELS gui TIMEOUT 240 GUI)
  add_dependencies(tst_manifesteditor stevedore)
  add_dependencies(tst_manifesteditor_window stevedore)
  # The registry browser: the tree model paging a catalog of 120+ repositories and tag lists, details, delete, errors,
  # against Debian's docker-registry (RegistryFixture) filled by skopeo and the engine's registry client.
  stevedore_add_test(NAME tst_registrybrowser SOURCES tst_registrybrowser.cpp registrybrowsertest.h
                     LIBS stevedore_ui stevedore_testsupport LABELS gui registry TIMEOUT 180 GUI)
  # (About 7 s in the normal build; the sanitizer build, sharing 2 cores with another suite, took up to 160 s.)
  stevedore_add_test(NAME tst_registrybrowser_ui SOURCES tst_registrybrowser_ui.cpp registrybrowsertest.h
                     LIBS stevedore_ui stevedore_testsupport LABELS gui registry TIMEOUT 420 GUI)
  # The push queue's truth: failure, cancel, retry, concurrency, a real drop, the queue across a restart, the quit
  # question and notifications, against Debian's docker-registry (RegistryFixture), a TcpRelay and loopback servers.
  stevedore_add_test(NAME tst_pushqueue SOURCES tst_pushqueue.cpp
                     LIBS stevedore_ui stevedore_testsupport LABELS gui registry TIMEOUT 240 GUI)
  # The local images panel and File > Pull Image…, against Debian's docker-registry (RegistryFixture) and skopeo.
  stevedore_add_test(NAME tst_localimages SOURCES tst_localimages.cpp
                     LIBS stevedore_ui stevedore_testsupport LABELS gui registry TIMEOUT 180 GUI)
  # Preferences: language, default registry, TLS verification and certificate folder, reaching the browser and a
  # real push to Debian's docker-registry (RegistryFixture), read back by skopeo.
  stevedore_add_test(NAME tst_preferences SOURCES tst_preferences.cpp
                     LIBS stevedore_ui stevedore_testsupport LABELS gui registry TIMEOUT 180 GUI)
  # The GUI thread never stalls: four 48 MiB layers push while the browser pages 10,000 repositories.
  stevedore_add_test(NAME tst_guistall SOURCES tst_guistall.cpp
                     LIBS stevedore_ui stevedore_testsupport LABELS gui registry TIMEOUT 400 GUI)
  # The sandbox in the window: Debian's docker-registry started from the status bar's offer, pushed to, stopped.
  stevedore_add_test(NAME tst_sandbox_gui SOURCES tst_sandbox_gui.cpp
                     LIBS stevedore_ui stevedore_testsupport LABELS gui e2e TIMEOUT 180 GUI)
else()
  message(WARNING "tests/gui.cmake: stevedore_testsupport is missing; tst_models, tst_mainwindow, tst_credentialmanager and tst_manifesteditor(_window) are not built")
endif()

# The real executable starts offscreen, shows its window, grabs it (--screenshot) and exits 0 with a PNG.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/gui_smoke.cmake [=[
set(work ${WORK_DIR}/gui_smoke)
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work}/store ${work}/config)
set(ENV{XDG_CONFIG_HOME} ${work}/config)
execute_process(COMMAND ${GUI} --lang zh_CN --root ${work}/store --screenshot ${work}/shot.png
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "stevedore-gui --screenshot exited with '${rc}': ${out} ${err}")
endif()
if(NOT EXISTS ${work}/shot.png)
  message(FATAL_ERROR "stevedore-gui --screenshot wrote no file")
endif()
file(READ ${work}/shot.png magic LIMIT 8 HEX)
if(NOT magic STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "stevedore-gui --screenshot wrote no PNG (starts with ${magic})")
endif()
file(SIZE ${work}/shot.png size)
if(size LESS 5000)
  message(FATAL_ERROR "stevedore-gui --screenshot wrote a suspiciously small PNG (${size} bytes)")
endif()
execute_process(COMMAND ${GUI} --lang zh_CN --root ${work}/store --screenshot ${work}/x.png a b c
                RESULT_VARIABLE rc2 ERROR_VARIABLE err2 TIMEOUT 60)
if(NOT rc2 EQUAL 2 OR NOT err2 MATCHES "at most SOURCE and DESTINATION")
  message(FATAL_ERROR "three positional arguments: expected exit 2 and a message, got '${rc2}': ${err2}")
endif()
message(STATUS "stevedore-gui smoke ok: ${size} bytes")
]=])
add_test(NAME gui_smoke
         COMMAND ${CMAKE_COMMAND} -DGUI=$<TARGET_FILE:stevedore-gui> -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}
                 -P ${CMAKE_CURRENT_BINARY_DIR}/gui_smoke.cmake)
set_tests_properties(gui_smoke PROPERTIES LABELS gui TIMEOUT 150
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false")
