// The translation unit that compiles the Torch tests' shared precompiled header (see
// tests/CMakeLists.txt); it holds nothing else.
