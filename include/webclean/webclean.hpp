// Umbrella header: everything public in webclean.
#pragma once

#include "webclean/document.hpp"
#include "webclean/extract.hpp"
#include "webclean/fetch.hpp"
#include "webclean/options.hpp"
#include "webclean/output.hpp"
#include "webclean/version.hpp"
