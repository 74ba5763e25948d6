# Builds the Debian package of an already built SlideSight tree with CPack and checks it.
#
#   cmake -DSLIDESIGHT_BINARY_DIR=<build> -DSLIDESIGHT_OUTPUT_DIR=<dir> [-DSLIDESIGHT_CPACK=cpack]
#         [-DSLIDESIGHT_CONFIG=<cfg>] [-DSLIDESIGHT_BINDIR=bin] [-DSLIDESIGHT_DATADIR=share]
#         -P check_deb_package.cmake
#
# Checks: the package contains the GUI and CLI executables, the desktop entry, the hicolor
# icon, the MIME XML and at least one .qm translation; nothing lies outside /usr; the control
# fields; every library the executables need resolves; desktop-file-validate accepts the
# desktop entry (when installed); update-mime-database accepts the MIME XML (when installed)
# and it declares every slide type the desktop entry lists. On failure it lists every problem,
# not just the first. Prints "SKIPPED: ..." (ctest marks the test skipped) without dpkg-deb.

cmake_minimum_required(VERSION 3.21)

foreach(var SLIDESIGHT_BINARY_DIR SLIDESIGHT_OUTPUT_DIR)
    if(NOT ${var})
        message(FATAL_ERROR "check_deb_package.cmake: -D${var}=... is required")
    endif()
endforeach()
if(NOT SLIDESIGHT_CPACK)
    find_program(SLIDESIGHT_CPACK cpack)
endif()
if(NOT SLIDESIGHT_BINDIR)
    set(SLIDESIGHT_BINDIR bin)
endif()
if(NOT SLIDESIGHT_DATADIR)
    set(SLIDESIGHT_DATADIR share)
endif()

find_program(DPKG_DEB dpkg-deb)
if(NOT DPKG_DEB)
    message("SKIPPED: dpkg-deb is not installed (Debian package dpkg); no DEB can be built here")
    return()
endif()
if(NOT SLIDESIGHT_CPACK OR NOT EXISTS "${SLIDESIGHT_CPACK}")
    message(FATAL_ERROR "cpack not found (it comes with CMake)")
endif()
if(NOT EXISTS "${SLIDESIGHT_BINARY_DIR}/CPackConfig.cmake")
    message(FATAL_ERROR "${SLIDESIGHT_BINARY_DIR}/CPackConfig.cmake is missing: "
                        "packaging/CMakeLists.txt must include(CPack)")
endif()

# ---------------------------------------------------------------------------------------------
# Build the package. gzip instead of the release xz: the test only needs the contents.

file(REMOVE_RECURSE "${SLIDESIGHT_OUTPUT_DIR}")
file(MAKE_DIRECTORY "${SLIDESIGHT_OUTPUT_DIR}")
set(cpack_args -G DEB --config "${SLIDESIGHT_BINARY_DIR}/CPackConfig.cmake"
    -B "${SLIDESIGHT_OUTPUT_DIR}" -D CPACK_DEBIAN_COMPRESSION_TYPE=gzip)
if(SLIDESIGHT_CONFIG)
    list(APPEND cpack_args -C "${SLIDESIGHT_CONFIG}")
endif()
execute_process(
    COMMAND "${SLIDESIGHT_CPACK}" ${cpack_args}
    WORKING_DIRECTORY "${SLIDESIGHT_BINARY_DIR}"
    RESULT_VARIABLE cpack_result
    OUTPUT_VARIABLE cpack_output
    ERROR_VARIABLE cpack_output)
if(NOT cpack_result EQUAL 0)
    message(FATAL_ERROR "cpack -G DEB failed (exit ${cpack_result}). Build every target first "
                        "(cmake --build ${SLIDESIGHT_BINARY_DIR}); install errors name the "
                        "file that is missing.\n${cpack_output}")
endif()

file(GLOB debs "${SLIDESIGHT_OUTPUT_DIR}/*.deb")
list(LENGTH debs deb_count)
if(NOT deb_count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${SLIDESIGHT_OUTPUT_DIR}, found ${deb_count}: "
                        "${debs}\n${cpack_output}")
endif()
list(GET debs 0 deb)
get_filename_component(deb_name "${deb}" NAME)
message(STATUS "Built ${deb}")

set(missing "")   # files the package must contain and does not
set(problems "")  # everything else that is wrong

# Appends one item to a report list; tool output may contain ';', CMake's list separator.
function(report list_name text)
    string(REPLACE ";" "," text "${text}")
    set(${list_name} ${${list_name}} "${text}" PARENT_SCOPE)
endfunction()

# ---------------------------------------------------------------------------------------------
# Contents (dpkg-deb -c): "drwxr-xr-x root/root 0 2024-01-01 00:00 ./usr/bin/"

execute_process(COMMAND "${DPKG_DEB}" -c "${deb}"
    RESULT_VARIABLE result OUTPUT_VARIABLE listing ERROR_VARIABLE error)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "dpkg-deb -c ${deb_name} failed: ${error}")
endif()
string(REPLACE "\n" ";" listing_lines "${listing}")
set(entries "")
set(executables "")
foreach(line IN LISTS listing_lines)
    if(line MATCHES "^([^ ]+) +[^ ]+ +[0-9]+ +[0-9-]+ +[0-9:]+ +\\./(.*)$")
        set(mode "${CMAKE_MATCH_1}")
        set(path "${CMAKE_MATCH_2}")
        string(REGEX REPLACE " -> .*$" "" path "${path}")
        string(REGEX REPLACE "/$" "" path "${path}")
        if(path STREQUAL "")
            continue()
        endif()
        list(APPEND entries "${path}")
        if(mode MATCHES "^-..x")
            list(APPEND executables "${path}")
        endif()
        if(NOT path MATCHES "^usr(/|$)")
            report(problems "installed outside /usr: /${path} (use a relative install DESTINATION)")
        endif()
    endif()
endforeach()

set(bindir "usr/${SLIDESIGHT_BINDIR}")
set(datadir "usr/${SLIDESIGHT_DATADIR}")
set(required
    "${bindir}/slidesight|the GUI executable (install(TARGETS slidesight) in app/)"
    "${bindir}/slidesight-cli|the command line (install(TARGETS slidesight-cli) in app/cli/)"
    "${datadir}/applications/slidesight.desktop|the desktop entry (packaging/CMakeLists.txt)"
    "${datadir}/icons/hicolor/scalable/apps/slidesight.svg|the application icon (packaging/CMakeLists.txt)"
    "${datadir}/mime/packages/slidesight.xml|the MIME types (packaging/CMakeLists.txt)"
    "${datadir}/doc/slidesight/cli.md|the command-line reference (packaging/doc/)"
    "${datadir}/doc/slidesight/cohorts.md|the cohort workflow's manual (packaging/doc/)"
    "${datadir}/slidesight/workflow/Snakefile|the cohort workflow (packaging/workflow/)"
    "${datadir}/slidesight/workflow/config.yaml|the cohort workflow's example configuration"
    "${datadir}/slidesight/workflow/scripts/slidejob.py|the cohort workflow's per-slide job"
    "${datadir}/slidesight/workflow/scripts/report.py|the cohort workflow's report"
    "${datadir}/slidesight/workflow/profiles/slurm/config.yaml|the cohort workflow's Slurm profile")
foreach(item IN LISTS required)
    string(REPLACE "|" ";" item "${item}")
    list(GET item 0 path)
    list(GET item 1 what)
    if(NOT path IN_LIST entries)
        report(missing "/${path}: ${what}")
    endif()
endforeach()
foreach(exe slidesight slidesight-cli)
    if("${bindir}/${exe}" IN_LIST entries AND NOT "${bindir}/${exe}" IN_LIST executables)
        report(problems "/${bindir}/${exe} is not executable")
    endif()
endforeach()

set(translations "")
foreach(path IN LISTS entries)
    if(path MATCHES "^${datadir}/slidesight/translations/[^/]+\\.qm$")
        list(APPEND translations "${path}")
    endif()
endforeach()
if(NOT translations)
    report(missing "/${datadir}/slidesight/translations/*.qm: at least one translation \
(install(FILES <qm files> ...) in translations/CMakeLists.txt)")
else()
    string(REPLACE ";" ", " translation_list "${translations}")
    message(STATUS "Translations: ${translation_list}")
endif()

# ---------------------------------------------------------------------------------------------
# Control fields (dpkg-deb -f)

foreach(field Package Version Architecture Maintainer Section Description Depends)
    execute_process(COMMAND "${DPKG_DEB}" -f "${deb}" ${field}
        OUTPUT_VARIABLE value OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    set(control_${field} "${value}")
    if(value STREQUAL "")
        report(problems "control field ${field} is empty")
    endif()
endforeach()
if(NOT control_Package STREQUAL "slidesight")
    report(problems "control field Package is '${control_Package}', expected 'slidesight'")
endif()
if(NOT control_Section STREQUAL "science")
    report(problems "control field Section is '${control_Section}', expected 'science'")
endif()
foreach(dependency libqt6svg6)
    if(NOT control_Depends MATCHES "(^|[ ,])${dependency}([ ,(]|$)")
        report(problems "Depends lacks ${dependency}: ${control_Depends}")
    endif()
endforeach()
message(STATUS "Depends: ${control_Depends}")

# ---------------------------------------------------------------------------------------------
# Unpacked files

set(root "${SLIDESIGHT_OUTPUT_DIR}/root")
file(REMOVE_RECURSE "${root}")
execute_process(COMMAND "${DPKG_DEB}" -x "${deb}" "${root}"
    RESULT_VARIABLE result ERROR_VARIABLE error)
if(NOT result EQUAL 0)
    report(problems "dpkg-deb -x failed: ${error}")
endif()

# Every shared library the installed executables need resolves (build-tree RPATHs are gone;
# libraries the package itself installs are found through LD_LIBRARY_PATH).
find_program(LDD ldd)
if(LDD)
    file(GLOB package_lib_dirs LIST_DIRECTORIES true "${root}/usr/lib" "${root}/usr/lib/*-linux-gnu*")
    string(REPLACE ";" ":" package_lib_path "${package_lib_dirs}")
    foreach(exe slidesight slidesight-cli)
        set(file "${root}/${bindir}/${exe}")
        if(NOT EXISTS "${file}")
            continue()
        endif()
        execute_process(
            COMMAND ${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${package_lib_path}" "${LDD}" "${file}"
            OUTPUT_VARIABLE ldd_output ERROR_VARIABLE ldd_error RESULT_VARIABLE ldd_result)
        if(NOT ldd_result EQUAL 0)
            report(problems "ldd /${bindir}/${exe} failed: ${ldd_error}")
        endif()
        string(REGEX MATCHALL "[^\n\t ]+ => not found" unresolved "${ldd_output}")
        foreach(library IN LISTS unresolved)
            string(REGEX REPLACE " => not found" "" library "${library}")
            report(problems "/${bindir}/${exe} needs ${library}, which neither the package nor the system provides")
        endforeach()
    endforeach()
endif()

set(desktop_file "${root}/${datadir}/applications/slidesight.desktop")
set(mime_file "${root}/${datadir}/mime/packages/slidesight.xml")

if(EXISTS "${desktop_file}")
    find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
    if(DESKTOP_FILE_VALIDATE)
        execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${desktop_file}"
            RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
        if(NOT result EQUAL 0)
            report(problems "desktop-file-validate rejects slidesight.desktop:\n${output}")
        else()
            message(STATUS "desktop-file-validate: slidesight.desktop is valid")
        endif()
    else()
        message(STATUS "desktop-file-validate not installed (desktop-file-utils): validation skipped")
    endif()

    file(STRINGS "${desktop_file}" desktop_lines)
    foreach(line IN LISTS desktop_lines)
        if(line MATCHES "^Exec=([^ ]+)")
            if(NOT "${bindir}/${CMAKE_MATCH_1}" IN_LIST entries)
                report(problems "desktop entry Exec=${CMAKE_MATCH_1} is not in /${bindir}")
            endif()
        elseif(line MATCHES "^Icon=(.+)$")
            if(NOT "${datadir}/icons/hicolor/scalable/apps/${CMAKE_MATCH_1}.svg" IN_LIST entries)
                report(problems "desktop entry Icon=${CMAKE_MATCH_1} has no icon in the package")
            endif()
        elseif(line MATCHES "^MimeType=(.+)$")
            string(REGEX REPLACE ";$" "" desktop_mime_types "${CMAKE_MATCH_1}")
        endif()
    endforeach()
    if(NOT desktop_mime_types)
        report(problems "desktop entry has no MimeType key")
    endif()
endif()

if(EXISTS "${mime_file}")
    file(READ "${mime_file}" mime_xml)
    foreach(type IN LISTS desktop_mime_types)
        # image/tiff belongs to the shared MIME database itself.
        if(NOT type STREQUAL "image/tiff" AND NOT mime_xml MATCHES "<mime-type type=\"${type}\"")
            report(problems "desktop entry lists ${type}, which slidesight.xml does not declare")
        endif()
    endforeach()
    foreach(glob svs ndpi vms vmu mrxs scn bif svslide)
        if(NOT mime_xml MATCHES "<glob pattern=\"\\*\\.${glob}\"/>")
            report(problems "slidesight.xml has no type for *.${glob}")
        endif()
    endforeach()

    find_program(UPDATE_MIME_DATABASE update-mime-database)
    if(UPDATE_MIME_DATABASE)
        # A private data folder, named in XDG_DATA_* so that the tool does not warn about it.
        set(data_home "${SLIDESIGHT_OUTPUT_DIR}/xdg")
        set(mime_dir "${data_home}/mime")
        file(REMOVE_RECURSE "${data_home}")
        file(MAKE_DIRECTORY "${mime_dir}/packages")
        file(COPY "${mime_file}" DESTINATION "${mime_dir}/packages")
        execute_process(
            COMMAND ${CMAKE_COMMAND} -E env "XDG_DATA_HOME=${data_home}" "XDG_DATA_DIRS=${data_home}"
                    "${UPDATE_MIME_DATABASE}" "${mime_dir}"
            RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
        if(NOT result EQUAL 0 OR NOT EXISTS "${mime_dir}/application/x-aperio-svs.xml")
            report(problems "update-mime-database rejects slidesight.xml:\n${output}")
        elseif(NOT output STREQUAL "")
            report(problems "update-mime-database warns about slidesight.xml:\n${output}")
        else()
            message(STATUS "update-mime-database: slidesight.xml is valid")
        endif()
    else()
        message(STATUS "update-mime-database not installed (shared-mime-info): validation skipped")
    endif()
endif()

# ---------------------------------------------------------------------------------------------

if(missing OR problems)
    set(report "${deb_name} is not right.\n")
    if(missing)
        list(LENGTH missing count)
        string(APPEND report "Missing from the package (${count}):\n")
        foreach(item IN LISTS missing)
            string(APPEND report "  - ${item}\n")
        endforeach()
    endif()
    if(problems)
        list(LENGTH problems count)
        string(APPEND report "Other problems (${count}):\n")
        foreach(item IN LISTS problems)
            string(APPEND report "  - ${item}\n")
        endforeach()
    endif()
    string(APPEND report "Files in the package:\n")
    foreach(path IN LISTS entries)
        if(NOT IS_DIRECTORY "${root}/${path}")
            string(APPEND report "  /${path}\n")
        endif()
    endforeach()
    message(FATAL_ERROR "${report}")
endif()
list(LENGTH entries count)
message(STATUS "${deb_name}: ${count} entries, all required files present, checks passed")
