# Runs a script for ctest and checks both its exit code and its output (a
# test's PASS_REGULAR_EXPRESSION alone would make ctest ignore the exit code).
#   cmake -DPYTHON=<interpreter> -DSCRIPT=<file.py> -DARGUMENT=<arg> -DEXPECT=<regex> -P run_checked.cmake
foreach(required IN ITEMS PYTHON SCRIPT ARGUMENT EXPECT)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "run_checked.cmake needs -D${required}=...")
  endif()
endforeach()
execute_process(COMMAND ${PYTHON} ${SCRIPT} ${ARGUMENT}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(err)
  message("${err}")
endif()
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${SCRIPT} exited with ${status}")
endif()
if(NOT out MATCHES "${EXPECT}")
  message(FATAL_ERROR "the output of ${SCRIPT} does not match: ${EXPECT}")
endif()
