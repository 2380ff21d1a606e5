# Fails when the committed docs/api.md is not what the server generates:
#   cmake -DPROGRAM=<helpdesk-server> -DCOMMITTED=<docs/api.md> -P api_reference.cmake
execute_process(
  COMMAND "${PROGRAM}" routes --markdown
  OUTPUT_VARIABLE generated
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "`${PROGRAM} routes --markdown` failed (${rc})")
endif()
if(NOT EXISTS "${COMMITTED}")
  set(committed "")
else()
  file(READ "${COMMITTED}" committed)
endif()
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR
    "${COMMITTED} is not what the server's route table generates. Regenerate it with\n"
    "  ${PROGRAM} routes --markdown > ${COMMITTED}\n"
    "and commit it.")
endif()
message(STATUS "${COMMITTED} matches the route table")
