// The guide's own YAML and JSON ("Dynamic runtime asset paths and sudo", Sensu Go 6.2), kept
// verbatim so the tests read exactly what an operator would paste. The guide's sudo_example YAML
// has a trailing space after `check_hooks: null`; it is kept.

export const SUDO_EXAMPLE_YAML = `---
type: CheckConfig
api_version: core/v2
metadata:
  name: sudo_example
spec:
  check_hooks: null 
  command: sudo -E \${SENSU_SYSTEM_PROFILE_LINUX_PATH}/bin/system-profile-linux
  interval: 60
  publish: false
  runtime_assets:
  - sensu/system-profile-linux
  subscriptions:
  - test
`;

export const SUDO_EXAMPLE_JSON = `{
  "type": "CheckConfig",
  "api_version": "core/v2",
  "metadata": {
    "name": "sudo_example"
  },
  "spec": {
    "check_hooks": null,
    "command": "sudo -E \${SENSU_SYSTEM_PROFILE_LINUX_PATH}/bin/system-profile-linux",
    "interval": 60,
    "publish": false,
    "runtime_assets": [
      "sensu/system-profile-linux"
    ],
    "subscriptions": [
      "test"
    ]
  }
}
`;

export const GUIDE_ASSET_YAML = `---
type: Asset
api_version: core/v2
metadata:
  annotations:
    io.sensu.bonsai.api_url: https://bonsai.sensu.io/api/v1/assets/sensu/system-profile-linux
    io.sensu.bonsai.name: system-profile-linux
    io.sensu.bonsai.namespace: sensu
    io.sensu.bonsai.tags: ""
    io.sensu.bonsai.tier: Community
    io.sensu.bonsai.url: https://bonsai.sensu.io/assets/sensu/system-profile-linux
    io.sensu.bonsai.version: 0.10.1
  name: sensu/system-profile-linux
spec:
  builds:
  - filters:
    - entity.system.os == 'darwin'
    - entity.system.arch == '386'
    headers: null
    sha512: 523f4e3ac815969ffe8c085bfc61090655bc2978216396989d4b23de360b65ff696d746bc7acce42f888795a2fadd5f17ee47e98d9c18a1f0d7d9fd8771e228d
    url: https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_darwin_386.tar.gz
  - filters:
    - entity.system.os == 'darwin'
    - entity.system.arch == 'amd64'
    headers: null
    sha512: 00cbfbc9f39fb3a11915e848277586e21b1223ffdd85a5c1abf02bb31c0bb6cf1e37fa533a6b331ad684d6a815672b8823a215770584c1da10263bdedd924b1d
    url: https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_darwin_amd64.tar.gz
  - filters:
    - entity.system.os == 'linux'
    - entity.system.arch == 'armv7'
    headers: null
    sha512: f7ad60cfc4ba12ccfe623e2d86727a544b35c2fb165f6c9acae432f132762022ba542cf26d92e15ac445cc5d241feb6055c17286cb2f5a1e5c6be0723a003e91
    url: https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_linux_armv7.tar.gz
  - filters:
    - entity.system.os == 'linux'
    - entity.system.arch == 'arm64'
    headers: null
    sha512: 689def9af9116cdeaf8bca319b59012a83073bc05587e3e974aa5b9a5cd3a40fbab7ce386737d1d18c62d9d06b7393d3cdc26e35c8c697920cc1a9a9acb94ad9
    url: https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_linux_arm64.tar.gz
  - filters:
    - entity.system.os == 'linux'
    - entity.system.arch == '386'
    headers: null
    sha512: 7c5bf18b52f6c6b9d55f1fe882c4341949730d25abf31fc472d6779948d31bc3606887ceb7d160d706acd5abd660111e98ba0220815a87d1a5c351dd95b2eaf3
    url: https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_linux_386.tar.gz
  - filters:
    - entity.system.os == 'linux'
    - entity.system.arch == 'amd64'
    headers: null
    sha512: 29a6e1725f37e533cd9f6a8a17b40ef757ba5ea5dc27701c19a7fb9ac9c2bdf9f684d758d4440f278bb7fc669e52bf02efb3fc6758731f7f3e10617a2fe026cf
    url: https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_linux_amd64.tar.gz
  filters: null
  headers: null
`;

export const GUIDE_ASSET_JSON = `{
  "type": "Asset",
  "api_version": "core/v2",
  "metadata": {
    "annotations": {
      "io.sensu.bonsai.api_url": "https://bonsai.sensu.io/api/v1/assets/sensu/system-profile-linux",
      "io.sensu.bonsai.name": "system-profile-linux",
      "io.sensu.bonsai.namespace": "sensu",
      "io.sensu.bonsai.tags": "",
      "io.sensu.bonsai.tier": "Community",
      "io.sensu.bonsai.url": "https://bonsai.sensu.io/assets/sensu/system-profile-linux",
      "io.sensu.bonsai.version": "0.10.1"
    },
    "name": "sensu/system-profile-linux"
  },
  "spec": {
    "builds": [
      {
        "filters": [
          "entity.system.os == 'darwin'",
          "entity.system.arch == '386'"
        ],
        "headers": null,
        "sha512": "523f4e3ac815969ffe8c085bfc61090655bc2978216396989d4b23de360b65ff696d746bc7acce42f888795a2fadd5f17ee47e98d9c18a1f0d7d9fd8771e228d",
        "url": "https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_darwin_386.tar.gz"
      },
      {
        "filters": [
          "entity.system.os == 'darwin'",
          "entity.system.arch == 'amd64'"
        ],
        "headers": null,
        "sha512": "00cbfbc9f39fb3a11915e848277586e21b1223ffdd85a5c1abf02bb31c0bb6cf1e37fa533a6b331ad684d6a815672b8823a215770584c1da10263bdedd924b1d",
        "url": "https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_darwin_amd64.tar.gz"
      },
      {
        "filters": [
          "entity.system.os == 'linux'",
          "entity.system.arch == 'armv7'"
        ],
        "headers": null,
        "sha512": "f7ad60cfc4ba12ccfe623e2d86727a544b35c2fb165f6c9acae432f132762022ba542cf26d92e15ac445cc5d241feb6055c17286cb2f5a1e5c6be0723a003e91",
        "url": "https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_linux_armv7.tar.gz"
      },
      {
        "filters": [
          "entity.system.os == 'linux'",
          "entity.system.arch == 'arm64'"
        ],
        "headers": null,
        "sha512": "689def9af9116cdeaf8bca319b59012a83073bc05587e3e974aa5b9a5cd3a40fbab7ce386737d1d18c62d9d06b7393d3cdc26e35c8c697920cc1a9a9acb94ad9",
        "url": "https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_linux_arm64.tar.gz"
      },
      {
        "filters": [
          "entity.system.os == 'linux'",
          "entity.system.arch == '386'"
        ],
        "headers": null,
        "sha512": "7c5bf18b52f6c6b9d55f1fe882c4341949730d25abf31fc472d6779948d31bc3606887ceb7d160d706acd5abd660111e98ba0220815a87d1a5c351dd95b2eaf3",
        "url": "https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_linux_386.tar.gz"
      },
      {
        "filters": [
          "entity.system.os == 'linux'",
          "entity.system.arch == 'amd64'"
        ],
        "headers": null,
        "sha512": "29a6e1725f37e533cd9f6a8a17b40ef757ba5ea5dc27701c19a7fb9ac9c2bdf9f684d758d4440f278bb7fc669e52bf02efb3fc6758731f7f3e10617a2fe026cf",
        "url": "https://assets.bonsai.sensu.io/7d72df2682c0134068abd21a65778c81e61d7afe/system-profile-linux_0.10.1_linux_amd64.tar.gz"
      }
    ],
    "filters": null,
    "headers": null
  }
}
`;

export const SUDO_TEST_YAML = `---
type: CheckConfig
api_version: core/v2
metadata:
  name: sudo_test
spec:
  check_hooks: null
  command: sudo -E echo "PATH:$PATH \\nLD:$LD_LIBRARY_PATH \\n"
  env_vars: null
  handlers: []
  high_flap_threshold: 0
  interval: 10
  low_flap_threshold: 0
  output_metric_format: ""
  output_metric_handlers: null
  proxy_entity_name: ""
  publish: true
  round_robin: false
  runtime_assets:
  - sensu/system-profile-linux
  secrets: null
  stdin: false
  subdue: null
  subscriptions:
  - test
  timeout: 0
  ttl: 0
`;

export const SUDO_TEST_JSON = `{
  "type": "CheckConfig",
  "api_version": "core/v2",
  "metadata": {
    "name": "sudo_test"
  },
  "spec": {
    "check_hooks": null,
    "command": "sudo -E echo \\"PATH:$PATH \\\\nLD:$LD_LIBRARY_PATH \\\\n\\"",
    "env_vars": null,
    "handlers": [],
    "high_flap_threshold": 0,
    "interval": 10,
    "low_flap_threshold": 0,
    "output_metric_format": "",
    "output_metric_handlers": null,
    "proxy_entity_name": "",
    "publish": true,
    "round_robin": false,
    "runtime_assets": [
      "sensu/system-profile-linux"
    ],
    "secrets": null,
    "stdin": false,
    "subdue": null,
    "subscriptions": [
      "test"
    ],
    "timeout": 0,
    "ttl": 0
  }
}
`;
