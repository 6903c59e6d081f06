# CPack runs this after installing into its staging directory and before building the .deb:
# what Debian policy asks of a package but a plain `cmake --install` does not need, namely
# compressed man pages and the copyright and changelog under /usr/share/doc/liushou.
file(GLOB_RECURSE pages "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/man/man*/*.[1-9]")
foreach(page ${pages})
  execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${page} failed")
  endif()
endforeach()
file(GLOB prefixes "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr")
foreach(prefix ${prefixes})
  set(doc "${prefix}/share/doc/liushou")
  file(MAKE_DIRECTORY "${doc}")
  file(COPY "${CPACK_LIUSHOU_DEBIAN_DIR}/copyright" DESTINATION "${doc}")
  file(COPY "${CPACK_LIUSHOU_DEBIAN_DIR}/changelog" DESTINATION "${doc}")
  execute_process(COMMAND gzip -9nf "${doc}/changelog")
endforeach()
