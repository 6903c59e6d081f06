// The liushou executable: everything lives in the library; this only hands over the streams.
#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv) {
    return liushou::run_cli(argc, argv, std::cout, std::cerr);
}
