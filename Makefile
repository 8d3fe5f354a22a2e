# The two commands a new user needs: `make run` and `make test`. Both install what is missing.
BUILD ?= build
DB ?= data/innet.db
PORT ?= 8080
JOBS ?= $(shell nproc)

.PHONY: run test setup build web seed format clean

run: setup build web
	@mkdir -p data
	@if [ ! -f $(DB) ]; then $(BUILD)/innet seed --demo --db sqlite://$(DB) >/dev/null; fi
	@scripts/print-demo-accounts.sh
	$(BUILD)/innet serve --db sqlite://$(DB) --port $(PORT) --web-root web/dist

test: setup build web
	scripts/test.sh

setup:
	@scripts/setup.sh

build:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The web build generates its API types from the server's OpenAPI document (`innet openapi`): server first.
web: build
	@cd web && INNET_BIN=$(abspath $(BUILD))/innet npm run --silent build

format:
	clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'fuzz/*.cc')

clean:
	rm -rf $(BUILD) web/dist
