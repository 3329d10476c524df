# Test list. Each subsystem keeps its tests in its own file, so that work on one never collides with another.
include(${CMAKE_CURRENT_SOURCE_DIR}/support/support.cmake OPTIONAL)  # stevedore_testsupport (fixtures)
include(${CMAKE_CURRENT_SOURCE_DIR}/copy.cmake)
include(${CMAKE_CURRENT_SOURCE_DIR}/layouts.cmake OPTIONAL)
include(${CMAKE_CURRENT_SOURCE_DIR}/registry.cmake OPTIONAL)
include(${CMAKE_CURRENT_SOURCE_DIR}/e2e.cmake OPTIONAL)
include(${CMAKE_CURRENT_SOURCE_DIR}/cli.cmake OPTIONAL)
include(${CMAKE_CURRENT_SOURCE_DIR}/gui.cmake OPTIONAL)
include(${CMAKE_CURRENT_SOURCE_DIR}/datasafety.cmake OPTIONAL)
