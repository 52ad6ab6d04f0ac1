// Placeholder CLI: cleans one file to stdout.
#include <fstream>
#include <iostream>
#include <sstream>

#include "webclean/webclean.hpp"

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto r = webclean::extract(ss.str());
    std::cout << r.document.text << "\n";
    return r ? 0 : 1;
}
