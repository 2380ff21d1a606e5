# helpdesk_adapter(<name> LINK_PRIVATE <libraries...>)
# The adapter library helpdesk::<name> (file libhelpdesk-<name>, exported as
# <name>) from every .cpp of the calling folder: public over the core, that
# folder as its private include path, the project's warnings, and the
# libraries it uses linked privately.
function(helpdesk_adapter name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LINK_PRIVATE")
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(helpdesk_${name} ${sources})
  add_library(helpdesk::${name} ALIAS helpdesk_${name})
  set_target_properties(helpdesk_${name} PROPERTIES OUTPUT_NAME helpdesk-${name} EXPORT_NAME ${name})
  target_include_directories(helpdesk_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(helpdesk_${name} PUBLIC helpdesk::core PRIVATE ${arg_LINK_PRIVATE})
  target_compile_options(helpdesk_${name} PRIVATE ${HELPDESK_WARNING_OPTIONS})
endfunction()
