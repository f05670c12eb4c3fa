import { josa } from "../findings/josa.js";
import { twin } from "./twin.js";

const en = {
  /** After any error of commander's (a missing argument, an unknown option): the usage, and where the program's options go. */
  dashes: (usage: string) => `(usage: sparkport ${usage}; options of the program you start go after --, as in -- next dev -p 3000)`,
  noCommand: (target: string) => `no command to run: sparkport run ${target} -- <command...>`,
  badVariable: (name: string) => `--env-name ${JSON.stringify(name)} is not a variable name (letters, digits and _, not starting with a digit)`,
  badHost: (host: string) => `--host ${JSON.stringify(host)} is not an address to listen on: give an IP address (0.0.0.0, 127.0.0.1, ::1) or a host name`,
  setByRun: (name: string) => `--env-name ${name}: run sets ${name} itself; give the port another name (PORT, APP_PORT)`,
  neededByChild: (name: string) => `--env-name ${name}: the command needs its own ${name}, a port in its place would break it; give the port another name (PORT, APP_PORT)`,
  badInject: (given: string, known: readonly string[]) => `--inject ${JSON.stringify(given)}: use ${known.join(" or ")}`,
  otherNode: (service: string, node: string, here: string) =>
    `${service} runs on ${node}; this machine is ${here}. Start it there, or say --this-node ${node} if this is ${node}.`,
  unknownProgram: (program: string) =>
    `--inject flag: sparkport does not know how ${JSON.stringify(program)} takes its port; leave --inject out and read PORT (or --env-name) instead`,
  noSubcommand: (program: string, subcommands: readonly string[]) => `--inject flag: ${program} serves only with ${subcommands.join(" or ")}`,
  otherPort: (written: number, port: number) =>
    `the command asks for port ${written}, but the registry gives this service ${port}; take ${written} out (sparkport adds ${port}), or move the service with sparkport move`,
  otherHost: (written: string, chosen: string) => `the command binds ${written}, but --host says ${chosen}; keep one of them`,
  /** `address`: host:port, an IPv6 host in brackets. */
  starting: (service: string, env: string | null, address: string, port: number, variable: string) =>
    `▶ ${env === null ? service : `${service} (${env})`} on ${address} (${variable}=${port})`,
  refused: (service: string, port: number) => `✖ ${service} was not started: port ${port} is not free. sparkport run never moves a service to another port.`,
  notFound: (program: string) => `command not found: ${program}`,
  notExecutable: (program: string, detail: string) => `cannot run ${program}: ${detail}`,
};

export const runWords = twin<typeof en>({
  en,
  ko: {
    dashes: (usage) => `(사용법: sparkport ${usage}. 시작할 프로그램의 옵션은 -- 뒤에 쓰세요: -- next dev -p 3000)`,
    noCommand: (target) => `실행할 명령이 없습니다: sparkport run ${target} -- <명령...>`,
    badVariable: (name) => `--env-name ${josa(JSON.stringify(name), "은/는")} 변수 이름이 아닙니다 (영문자, 숫자, _만 쓰고 숫자로 시작하지 않음)`,
    badHost: (host) => `--host ${josa(JSON.stringify(host), "은/는")} 서버가 들을 주소가 아닙니다: IP 주소(0.0.0.0, 127.0.0.1, ::1)나 호스트 이름을 주세요`,
    setByRun: (name) => `--env-name ${name}: ${josa(name, "은/는")} run이 직접 설정합니다. 포트에는 다른 이름을 쓰세요 (PORT, APP_PORT)`,
    neededByChild: (name) => `--env-name ${name}: 명령에는 원래의 ${josa(name, "이/가")} 필요하며 포트로 바꾸면 실행되지 않습니다. 포트에는 다른 이름을 쓰세요 (PORT, APP_PORT)`,
    badInject: (given, known) => `--inject ${JSON.stringify(given)}: ${known.join(" 또는 ")} 중 하나를 쓰세요`,
    otherNode: (service, node, here) =>
      `${josa(service, "은/는")} ${node}에서 실행됩니다. 이 머신은 ${here}입니다. ${node}에서 시작하거나, 이 머신이 ${node}라면 --this-node ${node}를 붙이세요.`,
    unknownProgram: (program) =>
      `--inject flag: sparkport는 ${josa(JSON.stringify(program), "이/가")} 포트를 어떻게 받는지 모릅니다. --inject를 빼고 PORT(또는 --env-name) 변수를 읽게 하세요`,
    noSubcommand: (program, subcommands) => `--inject flag: ${josa(program, "은/는")} ${josa(subcommands.join(" 또는 "), "으로/로")}만 서버를 띄웁니다`,
    otherPort: (written, port) =>
      `명령이 포트 ${josa(String(written), "을/를")} 쓰지만 레지스트리가 이 서비스에 준 포트는 ${port}입니다. ${josa(String(written), "을/를")} 빼거나(sparkport가 ${josa(String(port), "을/를")} 붙임) sparkport move로 서비스를 옮기세요`,
    otherHost: (written, chosen) => `명령은 ${written}에 바인드하지만 --host는 ${chosen}입니다. 둘 중 하나만 쓰세요`,
    starting: (service, env, address, port, variable) => `▶ ${env === null ? service : `${service} (${env})`}: ${address}에서 시작 (${variable}=${port})`,
    refused: (service, port) => `✖ ${josa(service, "을/를")} 시작하지 않았습니다: 포트 ${josa(String(port), "이/가")} 비어 있지 않습니다. sparkport run은 서비스를 다른 포트로 옮기지 않습니다.`,
    notFound: (program) => `명령을 찾을 수 없습니다: ${program}`,
    notExecutable: (program, detail) => `${josa(program, "을/를")} 실행할 수 없습니다: ${detail}`,
  },
});
