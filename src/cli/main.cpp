// Placeholder CLI: cleans one file to stdout.
#include <fstream>
#include <iostream>
#include <sstream>

#include "webclean/webclean.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc < 2) return 2;
    std::string arg = argv[1];
    std::stringstream ss;
    if (arg == "-") ss << std::cin.rdbuf(); else { std::ifstream in(arg, std::ios::binary); ss << in.rdbuf(); }
    auto r = webclean::extract(ss.str());
    std::cout << r.document.text << "\n";
    return r ? 0 : 1;
}
