# CPack runs this after installing into its staging directory and before building the .deb:
# what Debian policy asks of a package but a plain `cmake --install` does not need, namely
# compressed man pages and the copyright and changelog under /usr/share/doc/liushou.
file(GLOB_RECURSE staged "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*")
set(pages ${staged})
list(FILTER pages INCLUDE REGEX "/share/man/man[1-9]/[^/]+\\.[1-9]$")
if(NOT pages)
  message(FATAL_ERROR "no man pages found under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
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
# What dh_strip would also drop: the compiler's .comment and the .note section.
file(GLOB binaries "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/bin/*"
     "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/lib/*/liushou/*.so")
foreach(binary ${binaries})
  execute_process(COMMAND strip --remove-section=.comment --remove-section=.note "${binary}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "strip ${binary} failed")
  endif()
endforeach()
# lintian's false positives, each explained in the file.
foreach(prefix ${prefixes})
  file(MAKE_DIRECTORY "${prefix}/share/lintian/overrides")
  configure_file("${CPACK_LIUSHOU_DEBIAN_DIR}/lintian-overrides"
                 "${prefix}/share/lintian/overrides/liushou" COPYONLY)
endforeach()
