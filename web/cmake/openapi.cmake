# Writes the server's OpenAPI document to a file: cmake -DPROGRAM=... -DOUTPUT=... -P openapi.cmake
# (a script rather than a shell redirection, so it works with every generator).
execute_process(
  COMMAND "${PROGRAM}" openapi
  OUTPUT_FILE "${OUTPUT}.tmp"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "`${PROGRAM} openapi` failed (${rc})")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
